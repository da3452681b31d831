/**
 * The bad-input corpus's page shapes, generated at any size: the tests read them small, the soak script
 * (scripts/soak-snapshot.ts) large. Each is a shape a real or hostile page can take and that once cost the reader
 * quadratic time, a stack overflow or a silent miss. Decides nothing; only builds HTML.
 */

const HEAD = '<!doctype html><html><head><meta charset="utf-8"><title>罗源县人民政府 压力页面</title></head><body>';
const TAIL = '</body></html>';

/** `n` links in one parent: a link storm (each link used to read its whole parent's text). */
export function linkStormPage(n: number): string {
  const links: string[] = [];
  for (let i = 0; i < n; i++) links.push(`<a href="/zwgk/xxgk/a${i}.html">罗源县第${i}号信息标题</a> `);
  return `${HEAD}<div class="links">${links.join('')}</div>${TAIL}`;
}

/** One list of `n` dated rows (`<li><a>title</a> 2026-01-05</li>`), as short as real rows get. */
export function datedRowsPage(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++)
    rows.push(
      `<li><a href="/zwgk/202601/t202601${String((i % 28) + 1).padStart(2, '0')}_${i}.html">第${i}条信息</a> 2026-01-${String((i % 28) + 1).padStart(2, '0')}</li>`,
    );
  return `${HEAD}<ul class="list">${rows.join('')}</ul>${TAIL}`;
}

/**
 * `depth` nested divs and `leaf` at the bottom: a page deeper than any stack. `level` is what each div holds before
 * the next one (by default a dated link, so that every level is also a list row and a digit run).
 */
export function deepPage(
  depth: number,
  leaf: string,
  level = '<a href="/a.html">罗源县深层信息标题</a> 2026-01-05',
): string {
  return `${HEAD}${`<div>${level}`.repeat(depth)}${leaf}${'</div>'.repeat(depth)}${TAIL}`;
}

/** About `bytes` bytes (UTF-8) of article text in paragraphs, with `tail` (e.g. an unmasked ID number) at the very end. */
export function hugeTextPage(bytes: number, tail: string): string {
  const paragraph = '<p>罗源县人民政府办公室关于做好政务公开工作的通知，请各单位认真落实。联系人：县政务公开办。</p>';
  const count = Math.max(1, Math.floor(bytes / new TextEncoder().encode(paragraph).length));
  return `${HEAD}<div class="article">${paragraph.repeat(count)}<p>${tail}</p></div>${TAIL}`;
}

/** One paragraph of `chars` characters (a single text node), then `tail`: the longest text node a page can hold. */
export function oneHugeTextNodePage(chars: number, tail: string): string {
  return `${HEAD}<p>${'政务公开'.repeat(Math.ceil(chars / 4))}${tail}</p>${TAIL}`;
}

/** A widget whose content sits in a declarative shadow root (`<template shadowrootmode>`), holding `inner`. */
export function shadowRootPage(inner: string, mode: 'open' | 'closed' = 'open'): string {
  return `${HEAD}<h1>罗源县政务公开</h1><gk-card id="card"><template shadowrootmode="${mode}">${inner}</template></gk-card>${TAIL}`;
}
