import { describe, expect, it } from 'vitest';
import { extractDeadlines } from './deadlines';

const d = (text: string, year: number | null = 2017) =>
  extractDeadlines(text, 'requirements', year).map((x) =>
    x.kind === 'within' ? [x.amount, x.unit, x.action] : [x.date, x.action],
  );

describe('extractDeadlines', () => {
  it('reads time limits', () => {
    expect(d('嚴格執行特別重大、重大突發事件最遲5小時內發布權威信息、24小時內舉行新聞發布會的時限要求')).toEqual([
      [5, 'hour', '发布权威信息'],
      [24, 'hour', '举行新闻发布会'],
    ]);
    expect(d('作出決定之日起7個工作日內公開')).toEqual([[7, 'workday', '公开']]);
    expect(d('二十个工作日内予以公开')).toEqual([[20, 'workday', '予以公开']]);
    expect(d('三个月内办结')).toEqual([[3, 'month', '办结']]);
    expect(d('本月内完成')).toEqual([]);
  });

  it('reads dated targets', () => {
    expect(d('2017年底前納入市統一的政府網站技術平台')).toEqual([['2017-12-31', '纳入市统一的政府网站技术平台']]);
    expect(d('力争2018年底前将全县从事政務公開工作人员轮训一遍')).toEqual([
      ['2018-12-31', '将全县从事政务公开工作人员轮训一遍'],
    ]);
    expect(d('到2020年,依法积极稳妥施行')).toEqual([['2020-12-31', '']]);
    expect(d('2018年6月底前完成')).toEqual([['2018-06-30', '完成']]);
  });

  it('gives 年内 the plan year, keeping quoted words in the action', () => {
    expect(d('年內實現“雙隨機、一公開”監管全覆蓋')).toEqual([['2017-12-31', '实现“双随机、一公开”监管全覆盖']]);
    expect(d('年內實現', null)).toEqual([]);
  });
});
