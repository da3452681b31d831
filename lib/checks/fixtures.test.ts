/**
 * The fixture runner, axe-core style: every check has small hand-written pages under lib/checks/fixtures/<check-id>/,
 * each `<name>.html` beside a `<name>.expected.json` saying what the check must decide on it:
 *
 *   {
 *     "description": "what the page shows and why the check decides so",
 *     "url": "http://www.luoyuan.gov.cn/…",   (optional; the page's address, for dates in links and the page kind)
 *     "now": "2026-11-28",                       (optional; a date is read as 12:00 Beijing time; default below)
 *     "pageKind": "list",                        (optional; else detected as the engine does)
 *     "params": { … },                           (optional; else the parameters the engine would give the check)
 *     "tasks": ["luoyuan-2017/t2"],              (optional; ids of the plan tasks matched to the page)
 *     "expect": {
 *       "status": "fail",
 *       "messageKey": "checkElementsFail",        "messageArgs": ["…"],
 *       "elements": { "<element name>": "present|empty|missing" },   (only those asserted)
 *       "notPresent": ["…"],      (exactly the required elements that are not present)
 *       "kindProblems": ["…"],    (exactly the elements whose value is of the wrong kind)
 *       "detailKeys": ["…"],      (the message keys of the result's details, in order)
 *       "evidenceCount": 1,       "evidenceIncludes": ["…"],   (substrings of the evidence texts)
 *       "notInResult": ["…"]      (strings that must appear nowhere in the result, e.g. an unmasked ID number)
 *     }
 *   }
 *
 * Each page is parsed with happy-dom (scripts off), snapshotted with takeSnapshot and judged by the registered check
 * the folder names. Every check returns one result per run. The meta-tests prove every registered check has at
 * least one passing and one failing fixture, every fixture folder names a registered check, every message key
 * a fixture produces exists in both locales, and every check declares where it applies (page kinds, the page facts
 * it reads — held to that list on every fixture page — and its runs), which is all the engine plans from.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { luoyuan2017, templates } from '../../seeds/index';
import { detectColumn } from '../engine/column';
import { detectPageKind } from '../engine/page-kind';
import { OWNED_TEMPLATES, planChecks } from '../engine/select-checks';
import type { Task } from '../plan/model';
import { snapshotInHappyDom } from '../../tests/helpers/happy-dom-snapshot';
import { CHECKS, CHECKS_BY_ID } from './registry';
import {
  PAGE_KINDS,
  type Check,
  type CheckContext,
  type CheckResult,
  type Message,
  type PageFact,
  type PageFacts,
} from './types';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const LOCALES = resolve(import.meta.dirname, '../../public/_locales');
const DEFAULT_NOW = '2026-11-28T04:00:00Z';
const TEMPLATES = new Map(templates.map((t) => [t.id, t]));

const Status = z.enum(['pass', 'fail', 'needs-review', 'not-applicable']);
const Expected = z
  .object({
    description: z.string().min(1),
    url: z
      .string()
      .regex(/^https?:\/\//)
      .optional(),
    now: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/)
      .optional(),
    pageKind: z.enum(['home', 'list', 'detail', 'other']).optional(),
    params: z.unknown().optional(),
    tasks: z.array(z.string()).optional(),
    expect: z
      .object({
        status: Status,
        messageKey: z.string().optional(),
        messageArgs: z.array(z.string()).optional(),
        elements: z.record(z.string(), z.enum(['present', 'empty', 'missing'])).optional(),
        notPresent: z.array(z.string()).optional(),
        kindProblems: z.array(z.string()).optional(),
        detailKeys: z.array(z.string()).optional(),
        evidenceCount: z.number().int().nonnegative().optional(),
        evidenceIncludes: z.array(z.string()).optional(),
        notInResult: z.array(z.string()).optional(),
      })
      .strict(),
  })
  .strict();
type Expected = z.infer<typeof Expected>;

interface Fixture {
  checkId: string;
  name: string;
  html: string;
  expected: Expected;
}

function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const checkId of readdirSync(FIXTURES).sort()) {
    const dir = resolve(FIXTURES, checkId);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.expected.json')) continue;
      const name = basename(file, '.expected.json');
      const parsed = Expected.safeParse(JSON.parse(readFileSync(resolve(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`${checkId}/${file}: ${parsed.error.message}`);
      out.push({ checkId, name, html: readFileSync(resolve(dir, `${name}.html`), 'utf8'), expected: parsed.data });
    }
  }
  return out;
}

const fixtures = loadFixtures();

function task(id: string): Task {
  const found = luoyuan2017.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`unknown plan task ${id}`);
  return found;
}

const results = new Map<Fixture, CheckResult[]>();
const facts = new Map<Fixture, PageFacts>();

/** What the engine knows of the fixture's page before any check runs. */
function pageFacts(fixture: Fixture): PageFacts {
  const hit = facts.get(fixture);
  if (hit) return hit;
  const { expected } = fixture;
  const url = expected.url ?? `http://www.luoyuan.gov.cn/fixtures/${fixture.checkId}/${fixture.name}.html`;
  const snapshot = snapshotInHappyDom(fixture.html, url);
  const page: PageFacts = {
    snapshot,
    pageKind: expected.pageKind ?? detectPageKind(snapshot),
    columnName: detectColumn(snapshot).name,
    tasks: (expected.tasks ?? []).map(task),
    templates: TEMPLATES,
    pickedTemplateIds: [],
    ownedTemplates: OWNED_TEMPLATES,
  };
  facts.set(fixture, page);
  return page;
}

/** Runs the fixture's check as the engine would, with the fixture's time, kind, parameters and tasks. */
function run(fixture: Fixture): CheckResult[] {
  const hit = results.get(fixture);
  if (hit) return hit;
  const check = CHECKS_BY_ID.get(fixture.checkId);
  if (!check) throw new Error(`fixtures/${fixture.checkId} names no registered check`);
  const { expected } = fixture;
  const page = pageFacts(fixture);
  const { snapshot, tasks, pageKind } = page;
  const now = new Date(
    expected.now === undefined ? DEFAULT_NOW : /T/.test(expected.now) ? expected.now : `${expected.now}T04:00:00Z`,
  );
  const context: CheckContext = { now, plan: luoyuan2017, templates: TEMPLATES, tasks, pageKind };
  const planned = planChecks(page).find((c) => c.checkId === fixture.checkId);
  const params = expected.params !== undefined ? expected.params : (planned?.params ?? {});
  const out = check.run(snapshot, params, context);
  results.set(fixture, out);
  return out;
}

function messageKeys(result: CheckResult): string[] {
  const messages: Message[] = [
    result.message,
    ...(result.details ?? []),
    ...(result.elements ?? []).flatMap((e) => (e.kindProblem ? [e.kindProblem] : [])),
  ];
  return messages.map((m) => m.key);
}

describe('check fixtures', () => {
  for (const fixture of fixtures) {
    it(`${fixture.checkId}/${fixture.name}: ${fixture.expected.description}`, () => {
      const out = run(fixture);
      expect(out).toHaveLength(1);
      const result = out[0]!;
      const want = fixture.expected.expect;
      const elements = result.elements ?? [];
      const byName = (name: string) => elements.find((e) => e.name === name);

      expect(result.checkId).toBe(fixture.checkId);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      expect(result.status, JSON.stringify(result.message)).toBe(want.status);
      if (want.messageKey !== undefined) expect(result.message.key).toBe(want.messageKey);
      if (want.messageArgs !== undefined) expect(result.message.args).toEqual(want.messageArgs);
      for (const [name, status] of Object.entries(want.elements ?? {})) {
        expect(byName(name), `element ${name}`).toBeDefined();
        expect(byName(name)!.status, `element ${name}`).toBe(status);
      }
      if (want.notPresent !== undefined) {
        expect(
          elements
            .filter((e) => e.required && e.status !== 'present')
            .map((e) => e.name)
            .sort(),
        ).toEqual([...want.notPresent].sort());
      }
      if (want.kindProblems !== undefined) {
        expect(
          elements
            .filter((e) => e.kindProblem)
            .map((e) => e.name)
            .sort(),
        ).toEqual([...want.kindProblems].sort());
      }
      if (want.detailKeys !== undefined) expect((result.details ?? []).map((d) => d.key)).toEqual(want.detailKeys);
      if (want.evidenceCount !== undefined) expect(result.evidence).toHaveLength(want.evidenceCount);
      for (const text of want.evidenceIncludes ?? []) {
        expect(
          result.evidence.some((e) => e.text.includes(text)),
          `evidence includes ${text}`,
        ).toBe(true);
      }
      const json = JSON.stringify(result);
      for (const text of want.notInResult ?? []) expect(json.includes(text), `result repeats ${text}`).toBe(false);
    });
  }
});

describe('check fixtures: coverage', () => {
  it('finds fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(CHECKS.map((c) => c.id))('%s has a fixtures folder with a passing and a failing page', (id) => {
    expect(existsSync(resolve(FIXTURES, id)), `lib/checks/fixtures/${id}/`).toBe(true);
    const statuses = new Set(fixtures.filter((f) => f.checkId === id).map((f) => f.expected.expect.status));
    expect(statuses.has('pass')).toBe(true);
    expect(statuses.has('fail')).toBe(true);
  });

  it('names only registered checks in fixture folders, and pairs every page with its expectations', () => {
    for (const entry of readdirSync(FIXTURES)) {
      const dir = resolve(FIXTURES, entry);
      if (!statSync(dir).isDirectory()) continue;
      expect(CHECKS_BY_ID.has(entry), `fixtures/${entry}`).toBe(true);
      const files = readdirSync(dir);
      const pages = files
        .filter((f) => f.endsWith('.html'))
        .map((f) => basename(f, '.html'))
        .sort();
      const expectations = files
        .filter((f) => f.endsWith('.expected.json'))
        .map((f) => basename(f, '.expected.json'))
        .sort();
      expect(pages, `fixtures/${entry}`).toEqual(expectations);
      expect(
        files.filter((f) => !f.endsWith('.html') && !f.endsWith('.expected.json')),
        `fixtures/${entry}`,
      ).toEqual([]);
    }
  });

  it('produces only message keys both locales define', () => {
    const zh = JSON.parse(readFileSync(resolve(LOCALES, 'zh_CN/messages.json'), 'utf8')) as Record<string, unknown>;
    const en = JSON.parse(readFileSync(resolve(LOCALES, 'en/messages.json'), 'utf8')) as Record<string, unknown>;
    const keys = new Set(fixtures.flatMap((f) => run(f).flatMap(messageKeys)));
    expect(keys.size).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key in zh, `zh_CN lacks ${key}`).toBe(true);
      expect(key in en, `en lacks ${key}`).toBe(true);
    }
  });
});

/** The page facts a check's `runs` reads on this page (a proxy notes each one asked for). */
function factsRead(check: Check<unknown>, page: PageFacts): Set<string> {
  const read = new Set<string>();
  const watched = new Proxy(page, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  check.appliesTo.runs(watched);
  return read;
}

describe('checks declare where they apply', () => {
  const FACTS: readonly PageFact[] = ['columnName', 'tasks', 'templates', 'pickedTemplateIds', 'ownedTemplates'];

  it.each(CHECKS.map((c) => c.id))('%s declares its page kinds, the page facts it needs and its runs', (id) => {
    const { appliesTo } = CHECKS_BY_ID.get(id)!;
    expect(appliesTo, `${id} has no appliesTo`).toBeDefined();
    expect(appliesTo.pageKinds.length).toBeGreaterThan(0);
    expect(new Set(appliesTo.pageKinds).size).toBe(appliesTo.pageKinds.length);
    for (const kind of appliesTo.pageKinds) expect(PAGE_KINDS).toContain(kind);
    for (const need of appliesTo.needs) expect(FACTS).toContain(need);
    expect(typeof appliesTo.runs).toBe('function');
    for (const template of appliesTo.ownTemplates ?? []) expect(TEMPLATES.has(template), template).toBe(true);
  });

  it.each(CHECKS.map((c) => c.id))('%s reads only the page facts it declares, and each of them somewhere', (id) => {
    const check = CHECKS_BY_ID.get(id)!;
    const allowed = new Set<string>(['snapshot', 'pageKind', ...check.appliesTo.needs]);
    const used = new Set<string>();
    for (const fixture of fixtures) {
      const page = pageFacts(fixture);
      if (!check.appliesTo.pageKinds.includes(page.pageKind)) continue;
      const read = factsRead(check, page);
      for (const key of read)
        expect(allowed.has(key), `${id} reads ${key} on ${fixture.checkId}/${fixture.name}`).toBe(true);
      for (const key of read) used.add(key);
    }
    for (const need of check.appliesTo.needs)
      expect(used.has(need), `${id} declares ${need} but never reads it`).toBe(true);
  });

  it('plans every check on some page of its fixtures, and only on the page kinds it declares', () => {
    const plannedOn = new Map<string, Set<string>>();
    for (const fixture of fixtures) {
      const page = pageFacts(fixture);
      for (const planned of planChecks(page)) {
        const kinds = plannedOn.get(planned.checkId) ?? new Set<string>();
        kinds.add(page.pageKind);
        plannedOn.set(planned.checkId, kinds);
      }
    }
    for (const check of CHECKS) {
      const kinds = plannedOn.get(check.id);
      expect(kinds, `${check.id} is planned on no fixture page`).toBeDefined();
      for (const kind of kinds!) expect(check.appliesTo.pageKinds as readonly string[]).toContain(kind);
    }
  });

  it('plans a new check from its declaration alone, with no change to the engine', () => {
    const listOnly: Check<{ column: string | null }> = {
      id: 'new-check',
      appliesTo: {
        pageKinds: ['list'],
        needs: ['columnName'],
        runs: (page) => [{ params: { column: page.columnName } }],
      },
      run: () => [],
    };
    const checks = [...CHECKS, listOnly] as ReadonlyArray<Check<unknown>>;
    const list = fixtures.map(pageFacts).find((page) => page.pageKind === 'list')!;
    const detail = fixtures.map(pageFacts).find((page) => page.pageKind === 'detail')!;
    expect(planChecks(list, checks).find((c) => c.checkId === 'new-check')).toEqual({
      checkId: 'new-check',
      params: { column: list.columnName },
    });
    expect(planChecks(detail, checks).map((c) => c.checkId)).not.toContain('new-check');
  });

  it('leaves a template a check judges itself to that check, even when the person picks it', () => {
    const page = fixtures.map(pageFacts).find((p) => p.pageKind === 'detail')!;
    const picked = planChecks({
      ...page,
      pickedTemplateIds: ['gov-info-metadata', 'meta-tags-home', 'penalty-result'],
    });
    const templated = picked.filter((c) => c.checkId === 'template-elements').map((c) => c.templateId);
    expect(templated).toContain('penalty-result');
    expect(templated).not.toContain('gov-info-metadata');
    expect(templated).not.toContain('meta-tags-home');
    expect(picked.find((c) => c.checkId === 'metadata-block')).toMatchObject({
      templateId: 'gov-info-metadata',
      why: 'picked',
    });
  });
});
