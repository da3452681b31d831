import { describe, expect, it } from 'vitest';
import { extractColumns } from './columns';

const cols = (text: string) => extractColumns(text, 'requirements').map((c) => c.name);

describe('extractColumns', () => {
  it('reads quoted column names, not site names', () => {
    expect(cols('依托“中國羅源灣”門戶網站建設“新聞發布會”專題專欄')).toEqual(['新闻发布会']);
    expect(cols('實時更新“中國羅源灣”門戶網站“價格和收費”專欄')).toEqual(['价格和收费']);
    expect(cols('通过“中国罗源湾”政府门户网站“国有企业”栏目公开相关信息')).toEqual(['国有企业']);
  });

  it('reads columns opened on the site', () => {
    expect(cols('在“中國羅源灣”門戶網站和部門網站開辟審計結果公開專欄,重點公開')).toEqual(['审计结果公开']);
    expect(cols('通过政府或财政部门网站预决算公开统一平台(或专栏)集中公开政府预决算')).toEqual(['预决算公开']);
  });

  it('reads what the site publishes in one place', () => {
    expect(cols('在“中國羅源灣”門戶網站和部門網站集中公開財政收支情況相關信息,解讀')).toEqual(['财政收支']);
    expect(cols('依托“中國羅源灣”門戶網站,統一發布征地信息。')).toEqual(['征地信息']);
    expect(cols('利用政府網站、新媒體集中發布和主動推送新出台的減稅降費政策措施')).toEqual([]);
  });
});
