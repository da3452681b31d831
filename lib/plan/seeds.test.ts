/**
 * Data test over seeds/: every template file is valid and listed, every element has a name and a fix, the bundled
 * plan fits the schema with unique ids and resolving references, the overrides are valid and quote the source.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPlans, luoyuan2017, templateById, templates } from '../../seeds/index';
import { normalizeLabel } from '../text/normalize';
import { bundledTemplates } from './bundled-templates';
import { ElementTemplate, VALUE_KINDS } from './model';
import { loadOverrides } from './overrides';
import { checkTemplates, loadTemplate } from './templates';
import { checkPlan } from './validate';

const seeds = resolve(import.meta.dirname, '../../seeds');
const templateDir = resolve(seeds, 'templates');
const templateFiles = readdirSync(templateDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const source = readFileSync(resolve(seeds, 'luoyuan-2017/source.txt'), 'utf8');

describe('seeds/templates', () => {
  it.each(templateFiles)('%s is a valid template named after its id', (file) => {
    const t = loadTemplate(JSON.parse(readFileSync(resolve(templateDir, file), 'utf8')), file);
    expect(`${t.id}.json`).toBe(file);
  });

  it('lists every template file in bundled-templates.ts, and nothing else', () => {
    expect(bundledTemplates.map((t) => `${t.id}.json`).sort()).toEqual(templateFiles);
    for (const t of bundledTemplates) expect(ElementTemplate.safeParse(t).success, t.id).toBe(true);
  });

  it('has unique ids, unambiguous labels and resolving item templates', () => {
    expect(checkTemplates(templates)).toEqual([]);
  });

  it('gives every element a name, a Chinese fix hint and a known value kind', () => {
    for (const t of templates) {
      for (const el of t.elements) {
        expect(normalizeLabel(el.name).length, `${t.id}/${el.id}`).toBeGreaterThan(0);
        expect(el.fix, `${t.id}/${el.id}`).toMatch(/[\u4e00-\u9fff]/);
        expect(el.fix.endsWith('。'), `${t.id}/${el.id}`).toBe(true);
        expect(VALUE_KINDS).toContain(el.valueKind);
      }
    }
  });

  it('has the element counts the plan and the national rules give', () => {
    const count = (id: string) => templateById(id)?.elements.length;
    expect(count('service-guide')).toBe(22);
    expect(count('service-guide-material')).toBe(9);
    expect(count('penalty-result')).toBe(4);
    expect(count('eia-acceptance')).toBe(7);
    expect(count('eia-approval-pending')).toBe(10);
    expect(count('normative-doc-consultation')).toBe(3);
    expect(count('consultation-feedback-report')).toBe(4);
    expect(count('shantytown-land-plan')).toBe(4);
    expect(count('powers-responsibilities-list')).toBe(4);
    expect(count('law-enforcement-disclosure')).toBe(6);
    expect(count('intermediary-services')).toBe(4);
    expect(count('random-inspection')).toBe(4);
    expect(count('service-guide-key-categories')).toBe(10);
    expect(count('gov-info-metadata')).toBe(10);
    expect(templateById('meta-tags-home')?.elements.map((e) => e.name)).toEqual([
      'SiteName',
      'SiteDomain',
      'SiteIDCode',
    ]);
    expect(templateById('service-guide')?.elements.find((e) => e.name === '申请材料')?.itemTemplate).toBe(
      'service-guide-material',
    );
  });

  it('has a label lexicon whose every entry names a known template, element and source', () => {
    const lexicon = JSON.parse(readFileSync(resolve(seeds, 'label-lexicon.json'), 'utf8')) as {
      sources: Record<string, string>;
      entries: Array<{ template: string; element: string; source: string; labels: string[] }>;
    };
    expect(lexicon.entries.length).toBeGreaterThan(0);
    for (const entry of lexicon.entries) {
      const where = `${entry.template}/${entry.element}`;
      const element = templateById(entry.template)?.elements.find((e) => e.id === entry.element);
      expect(element, where).toBeDefined();
      expect(lexicon.sources[entry.source], `${where} source ${entry.source}`).toMatch(/[\u4e00-\u9fff]/);
      // The loader adds every label of the lexicon to the element it names.
      for (const label of entry.labels) expect([element!.name, ...element!.synonyms], where).toContain(label);
    }
  });

  it('keeps the labels a source shows to name something else out of the element (公开类别 is not 分类)', () => {
    const lexicon = JSON.parse(readFileSync(resolve(seeds, 'label-lexicon.json'), 'utf8')) as {
      sources: Record<string, string>;
      excluded: Array<{ template: string; element: string; source: string; labels: string[]; why: string }>;
    };
    expect(lexicon.excluded.length).toBeGreaterThan(0);
    for (const entry of lexicon.excluded) {
      const where = `${entry.template}/${entry.element}`;
      const element = templateById(entry.template)?.elements.find((e) => e.id === entry.element);
      expect(element, where).toBeDefined();
      expect(lexicon.sources[entry.source], `${where} source ${entry.source}`).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.why.length, where).toBeGreaterThan(20);
      for (const label of entry.labels) {
        expect([element!.name, ...element!.synonyms], where).not.toContain(label);
        expect(element!.weakLabels ?? [], where).not.toContain(label);
      }
    }
    const category = templateById('gov-info-metadata')?.elements.find((e) => e.name === '分类');
    expect(category?.synonyms).not.toContain('公开类别');
  });

  it('writes the record rules into the templates: party kind and free services', () => {
    const dual = templateById('penalty-disclosure-dual')!;
    expect(dual.elements.find((e) => e.id === dual.partyElement)).toBeDefined();
    expect(dual.elements.filter((e) => e.onlyFor === 'organisation').map((e) => e.name)).toEqual([
      '统一社会信用代码',
      '法定代表人姓名',
    ]);
    const guide = templateById('service-guide')!;
    expect(guide.elements.find((e) => e.id === guide.feeElement)?.name).toBe('收费标准');
    expect(guide.elements.filter((e) => e.notWhenFree).map((e) => e.name)).toEqual(['收费依据']);
    for (const t of templates)
      for (const e of t.elements)
        for (const weak of e.weakLabels ?? []) expect([e.name, ...e.synonyms], `${t.id}/${e.id}`).toContain(weak);
  });

  it('knows the synonyms seen on real pages', () => {
    const penalty = templateById('penalty-result');
    const labels = (name: string) => {
      const el = penalty?.elements.find((e) => e.name === name);
      return el ? [el.name, ...el.synonyms] : [];
    };
    expect(labels('被处罚者的名称')).toEqual(
      expect.arrayContaining(['当事人', '被处罚人', '被处罚单位', '行政相对人名称']),
    );
    expect(labels('违法事实')).toEqual(expect.arrayContaining(['案由', '违法行为', '主要违法事实', '处罚事由']));
    expect(labels('处罚结果')).toEqual(expect.arrayContaining(['处罚决定', '处罚内容', '处罚种类及幅度']));
    const guide = templateById('service-guide');
    const g = (name: string) => guide?.elements.find((e) => e.name === name)?.synonyms ?? [];
    expect(g('申请材料')).toEqual(expect.arrayContaining(['申报材料', '办理材料', '所需材料']));
    expect(g('实施机构')).toEqual(expect.arrayContaining(['办理机构', '受理机构']));
    expect(g('承诺办结时限')).toContain('承诺时限');
    expect(g('监督电话')).toEqual(expect.arrayContaining(['投诉电话', '监督投诉电话']));
    expect(g('设定依据')).toEqual(expect.arrayContaining(['实施依据', '法律依据']));
    expect(g('办理形式')).toEqual(expect.arrayContaining(['受理方式', '办理方式']));
  });

  it('quotes plan-derived templates verbatim from the source', () => {
    for (const t of templates.filter((x) => x.source.kind === 'plan')) {
      expect(t.source.quote, t.id).toBeDefined();
      expect(source.includes(t.source.quote ?? '\u0000'), t.id).toBe(true);
    }
  });
});

describe('seeds/luoyuan-2017', () => {
  it('keeps the source text as published', () => {
    const shared = resolve(import.meta.dirname, '../../../shared/seeds/000_c141fb843c3f3ae1.txt');
    if (existsSync(shared)) expect(source).toBe(readFileSync(shared, 'utf8'));
    expect(source.split('\n')).toHaveLength(639);
  });

  it('is a sound plan: schema, unique ids, resolving references', () => {
    expect(checkPlan(luoyuan2017, templates)).toEqual([]);
    expect(bundledPlans.map((p) => p.id)).toEqual(['luoyuan-2017']);
  });

  it('references only templates that exist, and lists them', () => {
    const used = new Set<string>();
    for (const t of luoyuan2017.tasks) for (const e of t.elements) used.add(e.template);
    for (const ch of luoyuan2017.chapters) for (const c of ch.clauses) for (const e of c.elements) used.add(e.template);
    expect([...used].sort()).toEqual(luoyuan2017.templates);
    for (const id of used) expect(templateById(id), id).toBeDefined();
  });

  it('has reviewed overrides, each with its reason, quoting the source', () => {
    const overrides = loadOverrides(JSON.parse(readFileSync(resolve(seeds, 'luoyuan-2017/overrides.json'), 'utf8')));
    expect(overrides.plan).toBe('luoyuan-2017');
    for (const cell of overrides.cells) {
      expect(cell.reason.length).toBeGreaterThan(10);
      for (const text of [cell.lead, cell.responsible]) {
        for (const line of (text ?? '').split('\n').filter((l) => l !== '')) {
          expect(source.includes(line), `${cell.task}: ${line}`).toBe(true);
        }
      }
      expect(luoyuan2017.tasks.some((t) => t.id === `luoyuan-2017/${cell.task}`)).toBe(true);
    }
    const units = new Set(luoyuan2017.tasks.flatMap((t) => [...t.lead.units, ...t.responsible.units]));
    for (const alias of overrides.unitAliases) {
      expect(alias.reason.length).toBeGreaterThan(10);
      expect(units.has(alias.from), alias.from).toBe(false);
      expect(units.has(alias.to), alias.to).toBe(true);
    }
  });
});
