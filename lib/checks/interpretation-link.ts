/**
 * Check `interpretation-link` (三同步, plan row 56): a policy document page links to its 解读, and a 解读 page links
 * back to the document it interprets.
 * Decides: which of the two the page is (a 解读 by its title; a policy document by a 文号 in its metadata or a title
 * ending in 通知/办法/规定/意见/方案/决定/细则/规划 on a detail page) and whether the link is there. Other pages: not
 * applicable. Does not open the linked page.
 */
import type { Evidence, LinkRef } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';
import { type Check, type CheckResult, message, onceOn } from './types';

const INTERPRETATION_TITLE = /解读|图解|答记者问|政策问答/;
const POLICY_TITLE = /(通知|办法|规定|意见|方案|决定|细则|规划|规则|条例)$/;
const DOC_NO = /[〔[［【]\d{4}[〕\]］】]\s*第?\d+号/;

export function isInterpretationPage(title: string): boolean {
  return INTERPRETATION_TITLE.test(normalizeLabel(title));
}

export function isPolicyDocumentPage(title: string, fields: ReadonlyArray<{ label: string; value: string }>): boolean {
  const hasDocNo = fields.some(
    (f) => /^(文号|发文字号|发文文号)$/.test(normalizeLabel(f.label)) && DOC_NO.test(f.value),
  );
  return hasDocNo || POLICY_TITLE.test(normalizeLabel(title).replace(/[》」"'”]+$/, ''));
}

export const interpretationLink: Check = {
  id: 'interpretation-link',
  // Detail pages; the check decides for itself whether the page is a policy document or a 解读.
  appliesTo: onceOn(['detail']),
  run(snapshot, _params, context) {
    const title = snapshot.heading ?? snapshot.title;
    if (context.pageKind !== 'detail') return [notApplicable()];
    if (isInterpretationPage(title))
      return [linked(snapshot.originalLinks, 'checkInterpretationBackPass', 'checkInterpretationBackFail')];
    if (!isPolicyDocumentPage(title, snapshot.fields)) return [notApplicable()];
    return [linked(snapshot.interpretationLinks, 'checkInterpretationPass', 'checkInterpretationFail')];
  },
};

const base = (): { checkId: string; evidence: Evidence[] } => ({ checkId: 'interpretation-link', evidence: [] });

function notApplicable(): CheckResult {
  return { ...base(), status: 'not-applicable', message: message('checkInterpretationNotApplicable') };
}

/** Pass naming the first link, every link as evidence; fail when there is none. */
function linked(links: readonly LinkRef[], passKey: string, failKey: string): CheckResult {
  return links.length > 0
    ? {
        ...base(),
        status: 'pass',
        message: message(passKey, links[0]!.text),
        evidence: links.map((l) => ({ text: l.text, locator: l.locator })),
      }
    : { ...base(), status: 'fail', message: message(failKey) };
}
