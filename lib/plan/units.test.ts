import { describe, expect, it } from 'vitest';
import { isUnitList, looksLikeUnitLine, splitUnits, isUnitName, unsplittableItems } from './units';
import unitNameData from '../../seeds/units/unit-names.json';

describe('splitUnits', () => {
  it('splits on 、 , ， ; and line breaks, normalising each name', () => {
    expect(splitUnits('縣新聞協調辦、縣直各單位,各鄉鎮、開發區,')).toEqual([
      '县新闻协调办',
      '县直各单位',
      '各乡镇',
      '开发区',
    ]);
    expect(splitUnits('縣財政局\n縣國資中心')).toEqual(['县财政局', '县国资中心']);
    expect(splitUnits('县金融办、财政局，人行罗源中心支行；银监办')).toEqual([
      '县金融办',
      '县财政局',
      '人行罗源中心支行',
      '银监办',
    ]);
  });

  it('joins a name a narrow column broke over two lines, and reads 机关 as an organ, a web site and a list item as no unit', () => {
    expect(splitUnits('公安\n分局')).toEqual(['公安分局']);
    expect(splitUnits('公安\n机关')).toEqual(['公安机关']);
    // Two names, each a line of its own, stay two; a long item is never joined.
    expect(splitUnits('县财政局\n县发改局')).toEqual(['县财政局', '县发改局']);
    expect(splitUnits('区各制定主体\n各成员单位')).toEqual(['区各制定主体', '各成员单位']);
    expect(isUnitName('政府网站')).toBe(false);
    expect(isUnitName('1.受理部门')).toBe(false);
  });

  it('reads a school as a unit (the 义务教育 目录 names schools as the disclosing body), not an item about schools', () => {
    expect(isUnitName('石羊镇中心学校')).toBe(true);
    expect(isUnitName('县第一中学')).toBe(true);
    expect(isUnitName('民办学校信息')).toBe(false);
  });

  it('reads a catalogue content that starts with 各 as collectives do as no unit name', () => {
    expect(isUnitName('各级政府及部门涉及扶贫领域的规范性文件')).toBe(false);
    expect(isUnitName('各有关单位')).toBe(true);
    expect(isUnitName('各乡镇')).toBe(true);
  });

  it('splits two unit names joined by 及 or 等, never a name with such a word inside it', () => {
    expect(splitUnits('其他股室及属下单位')).toEqual(['其他股室', '属下单位']);
    expect(splitUnits('区政数局、区商务局等数字经济工作领导小组成员单位')).toEqual([
      '区政数局',
      '区商务局',
      '数字经济工作领导小组成员单位',
    ]);
    expect(splitUnits('县住房和城乡建设局、各高等院校')).toEqual(['县住房和城乡建设局', '各高等院校']);
    expect(splitUnits('县发改局等')).toEqual(['县发改局']);
  });

  it('never splits inside parentheses or quotes', () => {
    expect(splitUnits('县直有关部门、各乡(镇)人民政府')).toEqual(['县直有关部门', '各乡(镇)人民政府']);
    expect(splitUnits('縣直各部門,各縣(市)區')).toEqual(['县直各部门', '各县(市)区']);
    expect(splitUnits('縣行政服務中心、县“智慧罗源”管理服务中心')).toEqual([
      '县行政服务中心',
      '县“智慧罗源”管理服务中心',
    ]);
  });

  it('drops stray punctuation and whitespace', () => {
    expect(splitUnits('县金融办,各鄉鎮、開發區·')).toEqual(['县金融办', '各乡镇', '开发区']);
    expect(splitUnits('\u00a0 \u00a0县国土局')).toEqual(['县国土局']);
    expect(splitUnits('縣法制辦\u00a0')).toEqual(['县法制办']);
    expect(splitUnits('')).toEqual([]);
  });

  it('restores the 县 prefix elided inside a 、-run of bureaus', () => {
    expect(splitUnits('縣環保局、林业局、财政局,各鄉鎮')).toEqual(['县环保局', '县林业局', '县财政局', '各乡镇']);
    expect(splitUnits('县交运局、农机站、国资公司、供销社、市场监督管理局')).toEqual([
      '县交运局',
      '县农机站',
      '县国资公司',
      '县供销社',
      '县市场监督管理局',
    ]);
    // Not across a comma, not after a collective, not to non-bureaus.
    expect(splitUnits('县财政局,银监办')).toEqual(['县财政局', '银监办']);
    expect(splitUnits('县直各单位、开发区')).toEqual(['县直各单位', '开发区']);
  });

  it('restores nothing in a list that prints the level on its later names too', () => {
    expect(splitUnits('市工信局、市发改委、广德经开区管委会')).toEqual(['市工信局', '市发改委', '广德经开区管委会']);
    expect(splitUnits('市科技局、市人社局、高新区管委会')).toEqual(['市科技局', '市人社局', '高新区管委会']);
  });

  it('leaves editorial notes out of the names (见附件…, 下同)', () => {
    expect(splitUnits('市政府办公室、市有关单位（见附件1，下同），各县（市、区）人民政府（管委会）负责')).toEqual([
      '市政府办公室',
      '市有关单位',
      '各县(市、区)人民政府(管委会)负责',
    ]);
    expect(splitUnits('县直有关部门（下同）、各乡（镇）')).toEqual(['县直有关部门', '各乡(镇)']);
  });

  it('applies aliases and removes duplicates', () => {
    const aliases = new Map([['新闻协调办', '县新闻协调办']]);
    expect(splitUnits('新聞協調辦,各鄉鎮', { aliases })).toEqual(['县新闻协调办', '各乡镇']);
    expect(splitUnits('县财政局、县财政局')).toEqual(['县财政局']);
  });
});

describe('looksLikeUnitLine / isUnitList', () => {
  it('tells unit lines from requirements', () => {
    expect(looksLikeUnitLine('縣財政局')).toBe(true);
    expect(looksLikeUnitLine('收費執行單位')).toBe(true);
    expect(looksLikeUnitLine('各縣直各單位,鄉鎮、開發區')).toBe(true);
    expect(looksLikeUnitLine('县金融办、财政局,人行罗源中心支行,银监办,各鄉鎮、開發區·')).toBe(true);
    expect(looksLikeUnitLine('\u00a0縣數字辦')).toBe(true);
    expect(looksLikeUnitLine('市司法局（行政复议局）')).toBe(true);
    expect(looksLikeUnitLine('自制作或获取该信息之日起20个工作日内公开')).toBe(false);
    expect(looksLikeUnitLine('確定試點單位,出台試點方案,確保取得實效。')).toBe(false);
    expect(looksLikeUnitLine('探索建立發布縣內農産品批發市場價格信息機制,反映市場供求關系。')).toBe(false);
    expect(looksLikeUnitLine('2017年底前完成全县政務公開目录体系编制工作。')).toBe(false);
  });

  it('knows a list from a single unit', () => {
    expect(isUnitList('各鄉鎮')).toBe(false);
    expect(isUnitList('收費執行單位')).toBe(false);
    expect(isUnitList('各鄉鎮、開發區')).toBe(true);
  });
});

describe('dropped shared prefixes (省 / 市 / 县 / 区)', () => {
  it('restores the prefix the list itself shows', () => {
    expect(splitUnits('省发改委、人社厅')).toEqual(['省发改委', '省人社厅']);
    expect(splitUnits('市财政局、统计局,各县区')).toEqual(['市财政局', '市统计局', '各县区']);
  });

  it('adds nothing the list does not show, and drops a trailing 等', () => {
    expect(splitUnits('发改委、人社厅')).toEqual(['发改委', '人社厅']);
    expect(splitUnits('财政所、便民综合服务中心、土管所等')).toEqual(['财政所', '便民综合服务中心', '土管所']);
    expect(splitUnits('市场监管局、县财政局')).toEqual(['市场监管局', '县财政局']);
  });
});

describe('isUnitName (seeds/units: the unit vocabulary)', () => {
  it('takes organs, offices, institutions, levels and collectives, with an other name in brackets', () => {
    for (const n of [
      '县财政局',
      '县发改局',
      '综合组',
      '宣传处',
      '市司法局(行政复议局)',
      '各乡镇',
      '县直有关单位',
      '縣財政局',
    ])
      expect(isUnitName(n), n).toBe(true);
  });

  it('refuses dates, notes and sentences', () => {
    for (const n of ['2023年底前', '以下简称条例', '按规定公开预决算信息并接受社会监督的工作要求', '试行'])
      expect(isUnitName(n), n).toBe(false);
  });

  it('names a source for every group of endings', () => {
    for (const group of unitNameData.endings) expect(group.source.length, group.words.join()).toBeGreaterThan(20);
  });
});

describe('isUnitName and words that only end like a unit', () => {
  it('refuses 试行, 全部, 发布会 and 场所 but takes 人民银行某市中心支行 and 县残疾人联合会', () => {
    for (const n of ['试行', '全部', '新闻发布会', '公开查阅场所', '全县']) expect(isUnitName(n), n).toBe(false);
    for (const n of ['人民银行潍坊市中心支行', '县残疾人联合会', '开发区管委会']) expect(isUnitName(n), n).toBe(true);
  });
});

describe('unsplittableItems and the unit vocabulary', () => {
  it('names an item of a unit cell the vocabulary does not take, and no unit name', () => {
    expect(unsplittableItems('制定规范性文件的部门,上级部门制定的规范性文件由对口部门公开')).toEqual([
      '上级部门制定的规范性文件由对口部门公开',
    ]);
    expect(unsplittableItems('区属企业、各乡镇、县直有关单位')).toEqual([]);
  });
});
