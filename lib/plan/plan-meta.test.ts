import { describe, expect, it } from 'vitest';
import { inferRegionYear, inferTitle, planTitle, regionOf } from './plan-meta';

describe('region and year', () => {
  it('from a title that starts with the issuing office', () => {
    expect(
      inferRegionYear('厦门市集美区人民政府办公室关于印发2021年全区政务公开工作主要任务分解表的通知', '', []),
    ).toEqual({ region: '厦门市集美区', year: 2021 });
  });

  it('from a title that starts with the region', () => {
    expect(inferRegionYear('罗源县2017年政务公开工作主要任务分解表', '', [])).toEqual({ region: '罗源县', year: 2017 });
  });

  it('from the publisher, then from the signature line of the text', () => {
    expect(inferRegionYear('2022年11—12月政务公开重点工作任务提示单', '宣城市文化和旅游局', [])).toEqual({
      region: '宣城市',
      year: 2022,
    });
    expect(
      inferRegionYear('政务公开工作要点', '', ['各镇、街：', '菏泽市定陶区人民政府办公室', '2017年8月28日']),
    ).toEqual({
      region: '菏泽市定陶区',
      year: 2017,
    });
  });

  it('takes the place printed right after the year (2023年新余市政务公开工作要点)', () => {
    expect(regionOf('2023年新余市政务公开工作要点')).toBe('新余市');
    expect(regionOf('2021年厦门市集美区政务公开工作要点')).toBe('厦门市集美区');
  });

  it('no region where none is named', () => {
    expect(regionOf('关于印发2021年全区政务公开工作要点的通知')).toBe('');
    expect(regionOf('2016年政务公开工作要点')).toBe('');
    expect(regionOf('2022年全市政务公开工作要点')).toBe('');
  });

  it('takes the first short line that names a plan as the title', () => {
    expect(inferTitle(['当前位置：首页', '省政府印发2020年政府工作报告重点工作责任分解通知', '一、……'])).toBe(
      '省政府印发2020年政府工作报告重点工作责任分解通知',
    );
  });
});

describe('the title of a plan issued by a notice', () => {
  it('is the plan the notice issues, as the document heads it when it prints that heading', () => {
    expect(planTitle('关于印发《2023年浔阳区政务公开工作要点》通知', [])).toBe('2023年浔阳区政务公开工作要点');
    expect(
      planTitle('南昌市新建区人民政府办公室关于印发2024年新建区政务公开工作要点的通知', [
        '关于印发2024年新建区政务公开',
        '《2024年新建区政务公开工作要点》已经区政府同意，现印发给你们。',
        '2024年南昌市新建区政务公开工作要点',
      ]),
    ).toBe('2024年南昌市新建区政务公开工作要点');
  });

  it('leaves any other title as it is', () => {
    expect(planTitle('罗源县2017年政务公开工作主要任务分解表', [])).toBe('罗源县2017年政务公开工作主要任务分解表');
    expect(planTitle('关于公布政务公开事项的通知', [])).toBe('关于公布政务公开事项的通知');
  });
});
