/**
 * The whole engine on real portal pages, against what a careful inspector saw on them (labels.json): the column, the
 * breadcrumb, each labelled element's status, and templates that must not apply. The pages are public copies kept
 * outside the repository (../shared/real-pages from the repo root) and are never copied in: without that folder the
 * suite is skipped.
 *
 * How a label is read:
 * - `column.name` / `column.breadcrumb` null: the label says nothing about it, nothing is asserted.
 * - an element is looked up by its name among the element results of the checks that evaluate templates
 *   (template-elements, metadata-block); every result that has it must agree with the label, and at least one must.
 *   A page's publication date (发布日期) is not a template element of its own on a news article: the engine reads it as
 *   the page's 发布时间 line (snapshot.publishInfo), so that is what such a label is compared with.
 * - `elements: {}` with a note that "the X template does not apply": no template-elements result for X may exist.
 *
 * Every label is asserted plainly (the doubted ones were corrected in ../shared/real-pages, 2026-11-30); a label found
 * wrong later is corrected in the label file with its reason, never excused here. Labels that say nothing (null) are
 * not asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { luoyuan2017, templates } from '../../seeds/index';
import { inspectPage, type PageReport } from '../engine/inspect-page';
import { snapshotInHappyDom } from '../../tests/helpers/happy-dom-snapshot';
import type { PageSnapshot } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';
import { elementStatuses, inspectFile, type PageScore, readLabels, scorePage } from '../../scripts/lib/page-labels';
import type { ElementStatus } from './types';

const REPO = resolve(import.meta.dirname, '../..');
const PAGES = resolve(REPO, '../shared/real-pages');
const NOW = new Date('2026-11-28T04:00:00Z');
const TEMPLATES = new Map(templates.map((t) => [t.id, t]));

interface PageLabel {
  file: string;
  kind: string;
  column: { name: string | null; breadcrumb: string | null };
  elements: Record<string, ElementStatus>;
  notes: string;
}

const available = existsSync(resolve(PAGES, 'labels.json'));
const labels: PageLabel[] = available
  ? (JSON.parse(readFileSync(resolve(PAGES, 'labels.json'), 'utf8')) as PageLabel[])
  : [];

const inspected = new Map<string, { snapshot: PageSnapshot; report: PageReport }>();

function inspect(file: string): { snapshot: PageSnapshot; report: PageReport } {
  const hit = inspected.get(file);
  if (hit) return hit;
  // The page's own address is unknown (the copies come from crawls): any portal-like URL will do for the engine.
  const url = `http://www.example.gov.cn/real-pages/${file}`;
  const snapshot = snapshotInHappyDom(readFileSync(resolve(PAGES, file), 'utf8'), url);
  const report = inspectPage(snapshot, { plan: luoyuan2017, templates: TEMPLATES, now: NOW });
  const out = { snapshot, report };
  inspected.set(file, out);
  return out;
}

/** A breadcrumb as `a > b > c`: whitespace dropped inside segments, any separator portals use read as one. */
function normalizeCrumb(text: string): string {
  return text
    .split(/\s*(?:>>|->|→|»|›|＞|>|\/)\s*/)
    .map((s) => s.replace(/[\s\u00a0\u3000]+/g, ''))
    .filter((s) => s.length > 0)
    .join(' > ');
}

/** "the 行政处罚结果 template does not apply" in a label's notes → that template's id. */
function templatesThatMustNotApply(notes: string): string[] {
  return [...notes.matchAll(/the\s+(\S+)\s+template does not apply/g)].map((m) => {
    const name = normalizeLabel(m[1]!);
    const template = templates.find(
      (t) => normalizeLabel(t.name) === name || t.aliases.some((a) => normalizeLabel(a) === name),
    );
    if (!template) throw new Error(`labels.json names an unknown template: ${m[1]}`);
    return template.id;
  });
}

describe.skipIf(!available)('real pages (../shared/real-pages, labels.json)', () => {
  it('has labelled pages', () => {
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(existsSync(resolve(PAGES, label.file)), label.file).toBe(true);
  });

  for (const label of labels) {
    describe(label.file, () => {
      const column = label.column.name;
      if (column !== null) {
        it(`column is ${column}`, () => {
          const { report } = inspect(label.file);
          expect(normalizeLabel(report.column.name ?? '')).toBe(normalizeLabel(column));
        });
      }

      const crumb = label.column.breadcrumb;
      if (crumb !== null) {
        it(`breadcrumb is ${crumb}`, () => {
          const { snapshot } = inspect(label.file);
          expect(normalizeCrumb((snapshot.breadcrumb?.segments ?? []).join(' > '))).toBe(normalizeCrumb(crumb));
        });
      }

      for (const [name, status] of Object.entries(label.elements)) {
        it(`${name} is ${status}`, () => {
          const { snapshot, report } = inspect(label.file);
          const statuses = elementStatuses(snapshot, report, name);
          expect(statuses.length, `no evaluated template has an element named ${name}`).toBeGreaterThan(0);
          for (const s of statuses) expect(s, name).toBe(status);
        });
      }

      const barred = templatesThatMustNotApply(label.notes);
      for (const templateId of barred) {
        it(`does not apply the ${templateId} template`, () => {
          const { report } = inspect(label.file);
          expect(
            report.results.filter((r) => r.checkId === 'template-elements' && r.templateId === templateId),
          ).toEqual([]);
        });
      }
    });
  }
});

/**
 * Our own corpus (tests/real-pages: pages of several site families, each with its source and inspector labels written
 * before the engine was run on it). `npm run eval:pages` prints the figures and every miss; this suite keeps them from
 * sliding back: the engine misses nothing that tests/real-pages/known-misses.json does not list (each miss there is
 * explained in the corpus README or the page's label), the list holds no miss the engine has since fixed, the engine
 * agrees with the inspector on at least 95 % of the columns and breadcrumbs, and on every page kind of the corpus. The
 * elements' share is no floor here: pages from templates the engine had never seen are added with the misses their
 * first run showed (corpus9 brought the corpus to 93.5 %, under the issue’s 95 %), and must not be left out to keep a
 * figure.
 */
describe('our real-page corpus (tests/real-pages/labels.json)', () => {
  const dir = resolve(REPO, 'tests/real-pages');
  const ours = readLabels(dir);
  const scores = ours.map((label) => {
    const { snapshot, report } = inspectFile(dir, label.file, luoyuan2017, TEMPLATES, NOW);
    return scorePage(label, snapshot, report, TEMPLATES);
  });
  const sum = (pick: (s: PageScore) => { right: number; total: number }) =>
    scores.reduce((a, s) => ({ right: a.right + pick(s).right, total: a.total + pick(s).total }), {
      right: 0,
      total: 0,
    });
  const misses = scores.flatMap((s) => s.misses.map((m) => `${m.file} ${m.what}: ${m.expected} ≠ ${m.got}`));

  it('labels every page with a source and a family', () => {
    expect(ours.length).toBeGreaterThan(10);
    for (const label of ours) {
      expect(label.source.length, label.file).toBeGreaterThan(10);
      expect(label.family, label.file).toBeTruthy();
    }
  });

  it('misses no labelled element, column or kind that known-misses.json does not list, and lists no fixed miss', () => {
    const known = JSON.parse(readFileSync(resolve(dir, 'known-misses.json'), 'utf8')) as Array<{
      file: string;
      what: string;
      expected: string;
    }>;
    const key = (m: { file: string; what: string; expected: string }) => `${m.file} ${m.what}: ${m.expected}`;
    const now = new Set(scores.flatMap((s) => s.misses.map(key)));
    const listed = new Set(known.map(key));
    expect(
      [...now].filter((m) => !listed.has(m)),
      'new misses',
    ).toEqual([]);
    expect(
      [...listed].filter((m) => !now.has(m)),
      'fixed misses still listed',
    ).toEqual([]);
  });

  it('agrees with the inspector on at least 95 % of the columns and breadcrumbs', () => {
    const { right, total } = sum((s) => s.column);
    expect(right / total, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('tells every page’s kind as the inspector did', () => {
    expect(
      scores.filter((s) => s.kind.right === 0).map((s) => s.file),
      misses.join('\n'),
    ).toEqual([]);
  });
});
