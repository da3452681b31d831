/**
 * Check `validity-mark` (plan row 16): a 规范性文件 page says whether the document is valid, abolished or expired
 * (有效 / 废止 / 失效, or a 有效性 field). Applies to detail pages whose column or breadcrumb names 规范性文件, whose
 * metadata classifies them so (分类：规范性文件), or that carry a 有效性 label at all — not to news whose title merely
 * mentions 规范性文件.
 * Decides: pass when a mark or a filled validity field is shown; fail otherwise. Does not decide whether the mark is true.
 */
import type { Evidence } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';
import { message, type Check } from './types';

const VALIDITY_LABEL = /^(有效性|效力状态|时效性|是否有效|文件状态|效力)$/;

export interface ValidityParams {
  columnName: string | null;
}

export const validityMark: Check<ValidityParams> = {
  id: 'validity-mark',
  // Detail pages; the check decides for itself whether the page is a 规范性文件.
  appliesTo: {
    pageKinds: ['detail'],
    needs: ['columnName'],
    runs: (page) => [{ params: { columnName: page.columnName } }],
  },
  run(snapshot, params, context) {
    const base = { checkId: 'validity-mark', evidence: [] as Evidence[] };
    const field = snapshot.fields.find((f) => VALIDITY_LABEL.test(normalizeLabel(f.label)));
    // Where the page sits (column, breadcrumb) or what its metadata says it is — not words in a news title that
    // merely mention 规范性文件.
    const where = [params.columnName ?? '', ...(snapshot.breadcrumb?.segments ?? [])].map(normalizeLabel).join('|');
    const classified = snapshot.fields.some(
      (f) =>
        /^(分类|主题分类|组配分类|文件类型|公文种类|信息类别)$/.test(normalizeLabel(f.label)) &&
        /规范性文件/.test(normalizeLabel(f.value)),
    );
    const regulatory = /规范性文件/.test(where) || classified || field !== undefined;
    if (context.pageKind !== 'detail' || !regulatory)
      return [{ ...base, status: 'not-applicable', message: message('checkValidityNotApplicable') }];
    if (field?.value.trim())
      return [
        {
          ...base,
          status: 'pass',
          message: message('checkValidityPass', field.value),
          evidence: [{ text: `${field.label}：${field.value}`, locator: field.locator }],
        },
      ];
    const mark = snapshot.validityMarks[0];
    if (mark) return [{ ...base, status: 'pass', message: message('checkValidityPass', mark.text), evidence: [mark] }];
    return [
      {
        ...base,
        status: 'fail',
        message: message('checkValidityFail'),
        evidence: field ? [{ text: field.label, locator: field.locator }] : [],
      },
    ];
  },
};
