import { describe, expect, it } from 'vitest';
import { headerRole, isFooter, matchSubHeading, matchTaskTitle, matchTopHeading } from './headings';

describe('headings', () => {
  it('recognises categories, groups and task titles', () => {
    expect(matchTopHeading('一、以政務公開助力稳增长')).toEqual({ no: '一', title: '以政務公開助力稳增长' });
    expect(matchTopHeading('  一、總體要求和目標')).toEqual({ no: '一', title: '總體要求和目標' });
    expect(matchTopHeading('一、这是一句话。')).toBeNull();
    expect(matchSubHeading('(一)加強預期引導')).toEqual({ no: '一', title: '加強預期引導' });
    expect(matchSubHeading('（四）推進政府和社會資本合作(PPP)項目信息公開')?.no).toBe('四');
    expect(matchSubHeading('(一)推进决策公开。把公众参与……')).toBeNull();
    expect(matchTaskTitle('1.深入解讀政策背景')).toEqual({ no: '1', title: '深入解讀政策背景' });
    expect(matchTaskTitle('15規範公開辦事指南事項')).toEqual({ no: '15', title: '規範公開辦事指南事項' });
    expect(matchTaskTitle('５８．加強政府網站建設')).toEqual({ no: '58', title: '加強政府網站建設' });
    expect(matchTaskTitle('2017年底前完成全县政務公開目录体系编制工作。')).toBeNull();
    expect(matchTaskTitle('5小时内发布')).toBeNull();
    expect(matchTaskTitle('3.完成了。')).toBeNull();
  });

  it('maps header cells to roles', () => {
    expect(['工 作 任 務', '牽頭單位', '責 任 單 位', '工 作 要 求', '序号', '备注'].map(headerRole)).toEqual([
      'title',
      'lead',
      'responsible',
      'requirements',
      'no',
      null,
    ]);
  });

  it('knows portal chrome', () => {
    expect(isFooter('附件下載:')).toBe(true);
    expect(isFooter('掃一掃在手機打開當前頁')).toBe(true);
    expect(isFooter('附件:2017年政務公開工作主要任务分解表')).toBe(false);
  });
});
