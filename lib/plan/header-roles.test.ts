import { describe, expect, it } from 'vitest';
import {
  isChannelBox,
  isCutHeaderWord,
  isSubHeaderOf,
  roleOfHeader,
  subHeaderNamed,
  subHeadersOf,
} from './header-roles';

describe('header cells by meaning (seeds/plan-headers/headers.json)', () => {
  it.each([
    ['工作任务', 'title'],
    ['任务内容', 'title'],
    ['重點任務', 'title'],
    ['工 作 要 求', 'requirements'],
    ['具体要求', 'requirements'],
    ['主办单位', 'lead'],
    ['牵头部门', 'lead'],
    ['配合/责任单位', 'responsible'],
    ['参与单位', 'responsible'],
    ['負責科室', 'responsible'],
    ['时限要求', 'deadline'],
    ['完成时间', 'deadline'],
    ['序号', 'no'],
    ['公开事项', 'title'],
    ['公开内容（要素）', 'requirements'],
    ['公开时限', 'deadline'],
    ['公开主体', 'responsible'],
    ['公开渠道和载体', 'note'],
    ['完成情况', 'ignore'],
  ])('%s → %s', (cell, role) => {
    expect(roleOfHeader(cell)).toBe(role);
  });

  it('is not fooled by a sentence that says 负责', () => {
    expect(roleOfHeader('注：本表由县政府办负责解释')).toBeNull();
    expect(roleOfHeader('罗源县人民政府')).toBeNull();
  });

  it('knows the second header row of the standard catalogue', () => {
    expect(subHeadersOf('公開事項')).toEqual(['一级事项', '二级事项', '三级事项']);
  });
});

describe('indicator tables (石泉县 2021 任务分解一览表)', () => {
  it('reads 一级指标 / 二级指标 as categories (the second becomes the group) and 三级指标 as the task', () => {
    expect(roleOfHeader('一级  指标')).toBe('category');
    expect(roleOfHeader('二级   指标')).toBe('category');
    expect(roleOfHeader('三级指标')).toBe('title');
  });
});

describe('公开层级 columns named with their place', () => {
  it('reads 东阳市级 / 凤屯镇级 as level tick columns under 公开层级, and nothing else that ends in 级', () => {
    expect(roleOfHeader('东阳市级')).toBe('ignore');
    expect(roleOfHeader('凤屯镇级')).toBe('ignore');
    expect(isSubHeaderOf('公开层级', '东阳市级')).toBe(true);
    expect(isSubHeaderOf('公开对象', '东阳市级')).toBe(false);
    expect(roleOfHeader('公开等级')).toBeNull();
  });
});

describe('tick column words as pages print them', () => {
  it('reads 主动公开, a word a narrow column cut (依申请公) and a level with its other name (乡(镇)村级) as tick columns', () => {
    expect(isSubHeaderOf('公开方式', '主动公开')).toBe(true);
    expect(isSubHeaderOf('公开方式', '依申请公')).toBe(true);
    expect(isSubHeaderOf('公开层级', '乡(镇)村级')).toBe(true);
    expect(roleOfHeader('依申请公')).toBe('ignore');
    expect(roleOfHeader('乡(镇)村级')).toBe('ignore');
    // Two characters are no word cut short when they begin two of the parent's words (依申请, 依申请公开).
    expect(isSubHeaderOf('公开方式', '依申')).toBe(false);
  });

  it('tells a header word cut short to what begins headers of several roles (公开) from a header of its own', () => {
    expect(isCutHeaderWord('公开')).toBe(true);
    expect(isCutHeaderWord('公开时限')).toBe(false);
    expect(isCutHeaderWord('备注')).toBe(false);
  });

  it('reads two characters that begin one word of the parent as that word cut short (全社 under 公开对象)', () => {
    expect(subHeaderNamed('公开对象', '全社')).toBe('全社会');
    expect(subHeaderNamed('公开方式', '全社')).toBeNull();
    expect(subHeaderNamed('公开对象', '特定群体')).toBe('特定群体');
  });

  it('reads the levels alone (一级, 二级) under 公开事项, the format’s 一级事项 with its word left out', () => {
    expect(isSubHeaderOf('公开事项', '一级')).toBe(true);
    expect(isSubHeaderOf('公开事项', '二级')).toBe(true);
    expect(isSubHeaderOf('公开对象', '一级')).toBe(false);
  });

  it('tells a box of the 公开渠道和载体 column from a box of another column', () => {
    expect(isChannelBox('■政府网站')).toBe(true);
    expect(isChannelBox('■社区/企事业单位/村公示栏(电子屏)')).toBe(true);
    expect(isChannelBox('■文本')).toBe(false);
    expect(isChannelBox('政府网站')).toBe(false);
  });
});
