/**
 * Check `page-gone`: the page prints the notice of a removed or missing page (本网页已删除, 您访问的页面不存在, 页面没有找到,
 * 404) instead of content. Runs only on such a page (the snapshot's `goneNotices`), whatever its kind.
 * Decides: fail — the page cannot be checked (there is no document on it to judge) and a reader who follows a link to
 * it finds nothing (国办秘函〔2019〕19号 counts links to unavailable content against a site); pass when the page prints
 * no such notice (the engine plans the check only on pages that do). Does not decide whether the removal was right,
 * nor look for the content elsewhere.
 */
import { message, PAGE_KINDS, type Check } from './types';

export const pageGone: Check = {
  id: 'page-gone',
  appliesTo: {
    pageKinds: PAGE_KINDS,
    needs: [],
    runs: (page) => ((page.snapshot.goneNotices ?? []).length > 0 ? [{ params: undefined }] : []),
  },
  run(snapshot) {
    const notices = snapshot.goneNotices ?? [];
    if (notices.length === 0)
      return [{ checkId: 'page-gone', status: 'pass', message: message('checkGonePass'), evidence: [] }];
    return [
      {
        checkId: 'page-gone',
        status: 'fail',
        message: message('checkGoneFail', notices[0]!.text),
        evidence: notices.slice(0, 1),
      },
    ];
  },
};
