import { describe, expect, it } from 'vitest';
import type { CheckResult, ElementResult } from '../checks/types';
import type { PageReport } from '../engine/inspect-page';
import { DEFAULT_HIGHLIGHT_COLORS } from '../highlight/colors';
import { overlayFor } from './highlights';

const at = (path: string) => ({ frame: [], path });

/** A failed template-elements result listing `elements`. */
const templateResult = (templateId: string, elements: ElementResult[]): CheckResult => ({
  checkId: 'template-elements',
  templateId,
  status: 'fail',
  message: { key: 'x', args: [] },
  evidence: [],
  elements,
});

describe('overlayFor', () => {
  it('outlines present and empty elements once per place, lists required missing ones, leaves meta tags out', () => {
    const report = {
      results: [
        {
          checkId: 'page-meta-tags',
          status: 'fail',
          message: { key: 'x', args: [] },
          evidence: [],
          elements: [{ id: 'PubDate', name: 'PubDate', status: 'missing', required: true }],
        },
        templateResult('service-guide', [
          { id: 'a', name: '事项名称', status: 'present', required: true, locator: at('#a') },
          { id: 'b', name: '收费依据', status: 'empty', required: true, locator: at('#b') },
          { id: 'c', name: '监督电话', status: 'missing', required: true },
          { id: 'd', name: '预约办理', status: 'missing', required: false },
        ]),
        templateResult('service-guide-key-categories', [
          { id: 'a2', name: '事项名称', status: 'present', required: true, locator: at('#a') },
          { id: 'm', name: '办理材料', status: 'present', required: true, locator: at('#a') },
          { id: 'c2', name: '监督电话', status: 'missing', required: true },
        ]),
      ],
    } as unknown as PageReport;
    const overlay = overlayFor(report, DEFAULT_HIGHLIGHT_COLORS, '缺失要素');
    expect(overlay.items.map((i) => [i.locator.path, i.tone, i.label])).toEqual([
      ['#a', 'present', '事项名称 +1'],
      ['#b', 'empty', '收费依据'],
    ]);
    expect(overlay.missing).toEqual(['监督电话']);
  });
});
