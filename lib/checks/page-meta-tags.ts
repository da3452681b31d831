/**
 * Check `page-meta-tags`: the meta tags 《政府网站发展指引》 requires for the page's kind — home: SiteName, SiteDomain,
 * SiteIDCode; list pages add ColumnName, ColumnDescription, ColumnKeywords, ColumnType; detail pages add ArticleTitle,
 * PubDate, ContentSource. Each tag is present (filled), empty or missing.
 * Decides: fail when a required tag is missing or empty. Does not judge the tags' content (real sites fill ColumnType
 * loosely), and does not run on pages whose kind is unknown.
 */
import { message, onceOn, PAGE_KINDS, type Check, type ElementResult, type PageKind } from './types';

const HOME = ['SiteName', 'SiteDomain', 'SiteIDCode'];
const LIST = ['ColumnName', 'ColumnDescription', 'ColumnKeywords', 'ColumnType'];
const DETAIL = ['ArticleTitle', 'PubDate', 'ContentSource'];

export function requiredMetaTags(kind: PageKind): string[] {
  if (kind === 'home') return HOME;
  if (kind === 'list') return [...HOME, ...LIST];
  if (kind === 'detail') return [...HOME, 'ColumnName', ...DETAIL];
  return [];
}

export const pageMetaTags: Check = {
  id: 'page-meta-tags',
  // Every page: a kind with no required tags is reported as not applicable. The meta-tag templates describe these tags
  // for people (the template picker); they are never looked for as labels on the page.
  appliesTo: { ...onceOn(PAGE_KINDS), ownTemplates: ['meta-tags-home', 'meta-tags-list', 'meta-tags-detail'] },
  run(snapshot, _params, context) {
    const required = requiredMetaTags(context.pageKind);
    if (required.length === 0)
      return [
        {
          checkId: 'page-meta-tags',
          status: 'not-applicable',
          message: message('checkMetaNotApplicable'),
          evidence: [],
        },
      ];
    const elements: ElementResult[] = required.map((name) => {
      const value = snapshot.metaTags[name];
      if (value === undefined) return { id: name, name, required: true, status: 'missing' };
      return { id: name, name, required: true, status: value.trim() ? 'present' : 'empty', value };
    });
    const bad = elements.filter((e) => e.status !== 'present');
    return [
      {
        checkId: 'page-meta-tags',
        status: bad.length > 0 ? 'fail' : 'pass',
        message:
          bad.length > 0
            ? message('checkMetaFail', bad.length, bad.map((e) => e.name).join(', '))
            : message('checkMetaPass', elements.length),
        evidence: [],
        elements,
      },
    ];
  },
};
