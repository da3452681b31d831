import { describe, expect, it } from 'vitest';
import { extractFrequencies } from './frequencies';

const periods = (text: string) => extractFrequencies(text, 'requirements').map((f) => [f.period, f.subject]);

describe('extractFrequencies', () => {
  it('reads 按月 / 按季度 / 每年 with their subject', () => {
    expect(periods('按月公開飲用水水源水質監測信息,按季度公開供水廠出水的水質監測信息。')).toEqual([
      ['monthly', '饮用水水源水质监测信息'],
      ['quarterly', '供水厂出水的水质监测信息'],
    ]);
    expect(periods('開展城市水環境治理排名工作,每年公布水質最好和最差的地區名單。')).toEqual([
      ['yearly', '水质最好和最差的地区名单'],
    ]);
  });

  it('reads an enumeration of periods as each of them', () => {
    expect(periods('按月度、季度將國民經濟運行情況通過政府網站發布')).toEqual([
      ['monthly', '国民经济运行情况'],
      ['quarterly', '国民经济运行情况'],
    ]);
    expect(periods('每半年公布一次').map(([p]) => p)).toEqual(['halfYearly']);
  });

  it('reads 定期 but not 不定期, nor bare 年度', () => {
    expect(periods('定期公布參加社會保險情況和社保基金運行情況。')).toEqual([
      ['periodic', '参加社会保险情况和社保基金运行情况'],
    ]);
    expect(periods('牽頭單位将不定期对信息公开情况进行检查。')).toEqual([]);
    expect(periods('畢業生就業質量年度報告、年度薪酬')).toEqual([]);
  });

  it('falls back to the clause when the subject is too short', () => {
    expect(periods('房地産市場信息定期發布機制')).toEqual([['periodic', '房地产市场信息定期发布机制']]);
  });
});
