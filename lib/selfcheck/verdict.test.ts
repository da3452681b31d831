// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { inspectPage } from '../engine/inspect-page';
import { formatIn } from '../i18n-catalog';
import { takeSnapshot } from '../snapshot/take-snapshot';
import { luoyuan2017, templates } from '../../seeds/index';
import { selfCheckHtml, selfCheckText } from './render';
import { selfCheckVerdict } from './verdict';

const templateMap = new Map(templates.map((t) => [t.id, t]));
const format = (m: { key: string; args: string[] }) => formatIn('zh_CN', m);

function check(body: string, picked: string[] = ['penalty-result']) {
  const doc = new DOMParser().parseFromString(body, 'text/html');
  const report = inspectPage(takeSnapshot(doc, 'about:blank'), {
    plan: luoyuan2017,
    templates: templateMap,
    now: new Date('2026-11-28T04:00:00Z'),
    pickedTemplateIds: picked,
    onlyPicked: true,
  });
  return selfCheckVerdict(report, templateMap, { fragment: true });
}

describe('selfCheckVerdict', () => {
  it('needs fixing when required elements are missing, with the template’s fix sentence for each', () => {
    const verdict = check(
      '<table><tr><td>当事人</td><td>某公司</td></tr><tr><td>案由</td><td>超范围经营</td></tr></table>',
    );
    expect(verdict.publishable).toBe(false);
    expect(verdict.items.map((i) => [i.kind, i.name])).toEqual([
      ['missing', '处罚依据'],
      ['missing', '处罚结果'],
    ]);
    expect(typeof verdict.items[0]!.fix).toBe('string');
  });

  it('is publishable when everything is there, and catches an unmasked ID (shown masked)', () => {
    const complete =
      '<table><tr><td>当事人</td><td>某公司</td></tr><tr><td>案由</td><td>超范围经营</td></tr><tr><td>处罚依据</td><td>《某条例》第十条</td></tr><tr><td>处罚结果</td><td>罚款五千元</td></tr></table>';
    expect(check(complete).publishable).toBe(true);
    const leaking = check(complete.replace('某公司', '张某（身份证号 350123198503121530）'));
    expect(leaking.publishable).toBe(false);
    expect(leaking.items[0]?.kind).toBe('privacy');
    expect(JSON.stringify(leaking)).not.toContain('350123198503121530');
    expect(leaking.items[0]?.evidence).toBe('350123********1530');
  });

  it('renders text and an HTML report with page text escaped and no script', () => {
    const verdict = check(
      '<table><tr><td>当事人</td><td>某公司</td></tr><tr><td>案由</td><td><img src=x onerror=alert(1)>超范围</td></tr></table>',
    );
    const header = {
      title: '<script>alert(1)</script>处罚决定',
      url: 'http://x/1.html',
      at: new Date('2026-11-28T04:00:00Z'),
    };
    expect(selfCheckText(header, verdict, format)).toContain('需修改：共 2 处');
    const html = selfCheckHtml(header, verdict, format);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;处罚决定');
  });
});
