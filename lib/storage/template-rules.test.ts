import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidRequest } from './invalid-request';
import {
  addTemplateRule,
  folderOf,
  listTemplateRules,
  removeTemplateRule,
  rulesFor,
  TEMPLATE_RULES_KEY,
} from './template-rules';
import { freshDb } from '../../tests/helpers/storage-testing';

const SITE = 'http://www.luoyuan.gov.cn/zwgk/xzcf/4004.html';
let dispose: (() => Promise<void>) | null = null;
afterEach(async () => {
  await dispose?.();
  dispose = null;
});
async function db() {
  const d = await freshDb('template-rules');
  dispose = () => d.dispose();
  return d;
}

describe('template rules', () => {
  it('applies a rule to the pages under its prefix, on its site only, and removes it', async () => {
    const d = await db();
    await addTemplateRule(d, { prefix: folderOf(SITE), templateId: 'penalty-result', site: SITE });
    await addTemplateRule(d, { prefix: folderOf(SITE), templateId: 'penalty-result', site: SITE });
    const rules = await listTemplateRules(d);
    expect(rules.map((r) => [r.prefix, r.templateId])).toEqual([
      ['http://www.luoyuan.gov.cn/zwgk/xzcf/', 'penalty-result'],
    ]);
    expect(rulesFor(rules, 'http://www.luoyuan.gov.cn/zwgk/xzcf/4005.html#top')).toHaveLength(1);
    expect(rulesFor(rules, 'http://www.luoyuan.gov.cn/zwgk/xzcf/sub/1.html')).toHaveLength(1);
    expect(rulesFor(rules, 'http://www.luoyuan.gov.cn/zwgk/xzcfx/1.html')).toHaveLength(0);
    expect(rulesFor(rules, 'http://www.luoyuan.gov.cn/xwzx/gzdt/1101.html')).toHaveLength(0);
    expect(rulesFor(rules, 'https://www.luoyuan.gov.cn/zwgk/xzcf/1.html')).toHaveLength(0);
    expect(await removeTemplateRule(d, rules[0]!)).toEqual([]);
  });

  it('refuses a prefix that is not a web address of the site, and reads a damaged value as no rules', async () => {
    const d = await db();
    for (const prefix of ['zwgk/xzcf/', 'file:///etc/', 'http://evil.example/zwgk/'])
      await expect(addTemplateRule(d, { prefix, templateId: 'penalty-result', site: SITE })).rejects.toBeInstanceOf(
        InvalidRequest,
      );
    await expect(
      addTemplateRule(d, { prefix: folderOf(SITE), templateId: 'Bad Id', site: SITE }),
    ).rejects.toBeInstanceOf(InvalidRequest);
    await d.settings.put({ key: TEMPLATE_RULES_KEY, value: [{ prefix: 'x' }, 'y', null] });
    expect(await listTemplateRules(d)).toEqual([]);
  });
});
