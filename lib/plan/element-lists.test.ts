import { describe, expect, it } from 'vitest';
import { bundledTemplates } from './bundled-templates';
import { extractEnumerations, matchElementLists, prepareTemplates } from './element-lists';
import type { ElementTemplate } from './model';

const matcher = prepareTemplates(bundledTemplates);
const refs = (text: string) => matchElementLists(text, 'requirements', matcher).map((r) => [r.template, r.matched]);

describe('extractEnumerations', () => {
  it('cleans lead-in words and trailing 等', () => {
    expect(extractEnumerations('公開要素包括被處罰者的名稱、違法事實、處罰依據、處罰結果)')[0]?.items).toEqual([
      '被处罚者的名称',
      '违法事实',
      '处罚依据',
      '处罚结果',
    ]);
    expect(extractEnumerations('明確抽查依據、主體、內容、方式等,及時公開')[0]?.items).toEqual([
      '抽查依据',
      '主体',
      '内容',
      '方式',
    ]);
    expect(extractEnumerations('(含區域、地塊名稱、四至範圍、總面積等要素)')[0]?.items).toEqual([
      '区域',
      '地块名称',
      '四至范围',
      '总面积',
    ]);
  });

  it('needs three items', () => {
    expect(extractEnumerations('规范公开行政审批结果、行政处罚结果')).toEqual([]);
  });
});

describe('matchElementLists', () => {
  it('matches lists to templates, across scripts', () => {
    expect(refs('規範性文件征集基本要素包括:規範性文件草案、意见征集渠道、征集期限。')).toEqual([
      ['normative-doc-consultation', 3],
    ]);
    expect(refs('反馈报告应说明规章制定背景、意见征集过程、征集意见的汇总情况、对意见的采纳情况及理由。')).toEqual([
      ['consultation-feedback-report', 4],
    ]);
  });

  it('splits an item joined with 和/及 when needed, keeps one that is an element', () => {
    expect(refs('依法向社會公布職權名稱、內容、行使主體和法律依據。')).toEqual([['powers-responsibilities-list', 4]]);
    expect(
      refs(
        '申請材料應當有材料名稱、材料類型、材料樣本、電子表單、來源渠道、紙質材料份數和規格、填報須知、受理標准、是否需電子材料等信息。',
      ),
    ).toEqual([['service-guide-material', 9]]);
  });

  it('tells the two 环评 lists apart', () => {
    expect(
      refs(
        '受理公示內容包括:項目名稱、建設地點、建設單位、環評機構、受理日期、環境影響報告書、表全本、公衆反饋意見的聯系方式。',
      ),
    ).toEqual([['eia-acceptance', 7]]);
  });

  it('ignores enumerations that are no template', () => {
    expect(refs('重點公開安全生産、生態環境、衛生防疫、食品藥品、保障性住房等監管信息。')).toEqual([]);
  });

  it('uses synonyms, and needs most of a template', () => {
    const t: ElementTemplate = {
      id: 'demo',
      name: '示例',
      aliases: [],
      source: { kind: 'national', ref: 'test' },
      elements: ['甲', '乙', '丙', '丁', '戊'].map((n, i) => ({
        id: `e${i}`,
        name: `${n}项`,
        synonyms: [`${n}栏`],
        required: true,
        valueKind: 'text' as const,
        fix: '补上。',
      })),
    };
    const m = prepareTemplates([t]);
    expect(matchElementLists('包括甲栏、乙项、丙项、丁栏等', 'requirements', m).map((r) => r.matched)).toEqual([4]);
    expect(matchElementLists('包括甲栏、乙项、其他、别的', 'requirements', m)).toEqual([]);
  });
});
