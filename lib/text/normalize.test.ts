import { describe, expect, it } from 'vitest';
import {
  findPinyin,
  normalizeLabel,
  normalizeText,
  sameLabel,
  stripPinyin,
  toHalfWidth,
  toSimplified,
} from './normalize';

describe('toSimplified', () => {
  it('turns the seed plan’s traditional unit names into the simplified ones', () => {
    expect(toSimplified('縣財政局')).toBe('县财政局');
    expect(toSimplified('縣國資中心')).toBe('县国资中心');
    expect(toSimplified('縣新聞協調辦、縣直各單位,各鄉鎮、開發區')).toBe('县新闻协调办、县直各单位,各乡镇、开发区');
    expect(toSimplified('牽頭單位')).toBe('牵头单位');
  });

  it('handles the characters the seed uses that trip simple tables', () => {
    expect(toSimplified('彙總')).toBe('汇总');
    expect(toSimplified('人民幣彙率')).toBe('人民币汇率');
    expect(toSimplified('收費標准')).toBe('收费标准');
    expect(toSimplified('標準')).toBe('标准');
    expect(toSimplified('准確')).toBe('准确');
    expect(toSimplified('裁量基准')).toBe('裁量基准');
    expect(toSimplified('乾淨')).toBe('干净');
    expect(toSimplified('僞劣')).toBe('伪劣');
    expect(toSimplified('公衆')).toBe('公众');
    expect(toSimplified('農産品')).toBe('农产品');
    expect(toSimplified('聯繫方式')).toBe('联系方式');
    expect(toSimplified('聯系方式')).toBe('联系方式');
    expect(toSimplified('諮詢電話')).toBe('咨询电话');
    // 著 is kept (generic t→cn); what matters is that both sides of a comparison agree.
    expect(toSimplified('著力提高')).toBe(toSimplified('著力提高'));
    expect(toSimplified('显著')).toBe('显著');
  });

  it('leaves simplified text and ASCII alone', () => {
    expect(toSimplified('罗源县2017年政务公开')).toBe('罗源县2017年政务公开');
    expect(toSimplified('SiteName')).toBe('SiteName');
    expect(toSimplified('')).toBe('');
  });
});

describe('toHalfWidth / normalizeText', () => {
  it('maps full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('ＰＰＰ（２０１７）：')).toBe('PPP(2017):');
    expect(toHalfWidth('标\u3000题')).toBe('标 题');
  });

  it('combines width, NFKC and script', () => {
    expect(normalizeText('政務公開（ＰＰＰ）')).toBe('政务公开(PPP)');
    expect(normalizeText('\u00a0縣法制辦')).toBe(' 县法制办');
    // Kangxi radical ⽂ (U+2F42) and a compatibility ideograph fold to the unified character.
    expect(normalizeText('\u2f42件')).toBe('文件');
    expect(normalizeText('“新聞發布會”專題專欄')).toBe('“新闻发布会”专题专栏');
  });
});

describe('normalizeLabel', () => {
  it('removes every kind of whitespace', () => {
    expect(normalizeLabel('索 引 号')).toBe('索引号');
    expect(normalizeLabel('標\u3000\u3000題')).toBe('标题');
    expect(normalizeLabel('工 作 任 務')).toBe('工作任务');
    expect(normalizeLabel('\u00a0 \u00a0县国土局')).toBe('县国土局');
    expect(normalizeLabel('事项\u200b名称')).toBe('事项名称');
    expect(normalizeLabel('\ufeff发布机构')).toBe('发布机构');
  });

  it('strips pinyin annotations after Han characters', () => {
    expect(normalizeLabel('政(zheng)府(fu)')).toBe('政府');
    expect(normalizeLabel('國務院辦(ban)公廳')).toBe('国务院办公厅');
    expect(normalizeLabel('政(zheng)(zheng)(zheng)府網站')).toBe('政府网站');
    expect(normalizeLabel('政（zhèng）府')).toBe('政府');
    expect(normalizeLabel('政(zheng4)府')).toBe('政府');
    expect(stripPinyin('的(de)(de)')).toBe('的');
  });

  it('keeps parentheses that are not pinyin', () => {
    expect(normalizeLabel('推進政府和社會資本合作(PPP)項目')).toBe('推进政府和社会资本合作(PPP)项目');
    expect(normalizeLabel('各鄉(鎮)人民政府')).toBe('各乡(镇)人民政府');
    expect(normalizeLabel('预决算公开统一平台(或专栏)')).toBe('预决算公开统一平台(或专栏)');
    // Lowercase letters with no vowel are no pinyin syllable (北京市西城区 2017: 政府与社会资本合作(ppp)综合信息平台).
    expect(normalizeLabel('社会资本合作(ppp)综合信息平台')).toBe('社会资本合作(ppp)综合信息平台');
    expect(findPinyin('合作(ppp)平台').count).toBe(0);
  });

  it('strips a trailing colon, full- or half-width', () => {
    expect(normalizeLabel('发布机构：')).toBe('发布机构');
    expect(normalizeLabel('索 引 号:')).toBe('索引号');
  });

  it('compares across scripts', () => {
    expect(sameLabel('縣財政局', '县财政局')).toBe(true);
    expect(sameLabel('被處罰者的名稱', '被处罚者的名称')).toBe(true);
    expect(sameLabel('县财政局', '县国资中心')).toBe(false);
  });
});
