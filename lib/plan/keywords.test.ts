import { describe, expect, it } from 'vitest';
import { buildKeywords, quotedTerms, titlePhrases } from './keywords';

describe('keywords', () => {
  it('takes the core phrases of a title', () => {
    expect(titlePhrases('按月公開全縣財政收支情況')).toEqual(['财政收支']);
    expect(titlePhrases('及時公開農村土地承包經營權確權登記頒證等工作進展情況')).toEqual([
      '农村土地承包经营权确权登记颁证',
    ]);
    expect(titlePhrases('加大對查處假冒僞劣、虛假廣告、價格欺詐等行爲的公開力度')).toEqual([
      '查处假冒伪劣',
      '虚假广告',
      '价格欺诈',
    ]);
  });

  it('takes quoted terms but not site names', () => {
    expect(quotedTerms('依托“中國羅源灣”門戶網站建設“新聞發布會”專題專欄')).toEqual(['新闻发布会']);
  });

  it('combines columns, quotes, title phrases and template names without duplicates', () => {
    expect(
      buildKeywords({
        title: '推行“雙隨機、一公開”監管全覆蓋',
        requirements: '',
        columns: [],
        templateNames: ['随机抽查事项清单'],
      }),
    ).toEqual(['双随机、一公开', '双随机', '一公开监管全覆盖', '随机抽查事项清单']);
  });
});
