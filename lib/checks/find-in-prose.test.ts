/**
 * Elements printed without a label — the 征求意见 notice's deadline in a sentence, its channels in a sentence, its draft as
 * an attachment — are found from the template's own data (prose patterns, attachment words), compared normalised.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { templates } from '../../seeds/index';
import { takeSnapshot } from '../snapshot/take-snapshot';
import { runTemplateElements } from './template-elements';

const CONSULTATION = templates.find((t) => t.id === 'normative-doc-consultation')!;

function statuses(body: string, title = '关于公开征求意见的通知') {
  const { document } = parseHTML(`<html><head><title>${title}</title></head><body>${body}</body></html>`);
  const snapshot = takeSnapshot(document as unknown as Document, 'http://www.example.gov.cn/a/1.html');
  const [result] = runTemplateElements(snapshot, CONSULTATION, new Map(templates.map((t) => [t.id, t])));
  return Object.fromEntries((result?.elements ?? []).map((e) => [e.name, e.status]));
}

describe('elements printed in prose', () => {
  it('finds the deadline, the channels and the attached draft of a notice that labels none of them', () => {
    const notice = `<p>我们对《管理办法》进行了修订，现向社会公开征求意见。</p>
      <p>此次公开征求意见截止时间为2014年8月12日。如对《管理办法》有修改意见，请在截止时间前以传真或电子邮件方式，反馈至高技术司。</p>
      <p>附件：<a href="/files/a.doc">《国家高技术产业发展项目管理办法》（修订征求意见稿）</a></p>`;
    expect(statuses(notice)).toEqual({ 规范性文件草案: 'present', 意见征集渠道: 'present', 征集期限: 'present' });
  });

  it('reads full-width and traditional text through the normaliser (請於１１月３０日前)', () => {
    expect(statuses('<p>請於１１月３０日前將修改意見書面反饋。</p>')['征集期限']).toBe('present');
  });

  it('reports the draft missing when the notice only describes it, and a sentence without a date no deadline', () => {
    const announcement = `<p>近日，市住建委公布了《关于公共租赁住房房屋登记有关问题的通知（征求意见稿）》，向社会公开征求意见。</p>
      <p>欢迎社会各界通过电话：010-59958597，传真010-59958510，提出意见和建议。</p>`;
    expect(statuses(announcement)).toEqual({ 规范性文件草案: 'missing', 意见征集渠道: 'present', 征集期限: 'missing' });
  });
});

describe('template patterns are data that must compile', () => {
  it('every prose pattern of every bundled template is a valid regular expression', () => {
    for (const t of templates)
      for (const e of t.elements) for (const p of e.prose ?? []) expect(() => new RegExp(p, 'u')).not.toThrow();
  });
});
