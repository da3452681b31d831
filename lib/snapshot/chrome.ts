/**
 * Site chrome: the header, footer and navigation every page of a site carries. Fields found there (the footer's 联系电话,
 * 地址, 主办单位) are kept but marked, so they never stand for a record's element; 更多 links there are the menu's.
 * Decides only whether an element sits in chrome as the markup names it (footer/header/nav tags, landmark roles, ids
 * and classes such as `footer`, `nav`, `menu`), not how the page looks.
 *
 * While a snapshot is taken (`beginChromeMemo` … `endChromeMemo`) each element is decided once: the fields, cells and
 * links of a page share the elements above them, which would otherwise be asked again for each.
 */
const CHROME_TAGS = new Set(['FOOTER', 'HEADER', 'NAV']);
const CHROME_ROLE = /^(contentinfo|banner|navigation)$/i;
const CHROME_NAME = /(^|[\s_-])(footer|foot|copyright|banquan|header|navbar|nav|menu|topbar)(\d*)($|[\s_-])/i;

let memo: Map<Element, boolean> | null = null;

export function beginChromeMemo(): void {
  memo = new Map();
}

export function endChromeMemo(): void {
  memo = null;
}

/** Whether the element itself is marked as chrome (not asking the elements above it). */
function marksChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLE.test(role)) return true;
  const name = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
  return name.length > 1 && CHROME_NAME.test(name);
}

/** Whether the element or one above it, below <body>, is marked as chrome. */
export function isChrome(start: Element): boolean {
  if (memo === null) {
    for (let el: Element | null = start; el && el.tagName !== 'BODY'; el = el.parentElement)
      if (marksChrome(el)) return true;
    return false;
  }
  const known = memo;
  const chain: Element[] = [];
  let answer = false;
  for (let el: Element | null = start; el && el.tagName !== 'BODY'; el = el.parentElement) {
    const seen = known.get(el);
    if (seen !== undefined) {
      answer = seen;
      break;
    }
    chain.push(el);
  }
  // From the top down: an element is chrome when it is marked or the element above it is.
  for (let i = chain.length - 1; i >= 0; i--) {
    const el = chain[i]!;
    answer ||= marksChrome(el);
    known.set(el, answer);
  }
  return answer;
}
