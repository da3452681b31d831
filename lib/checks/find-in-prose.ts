/**
 * Finds a template element the page prints without a label: a sentence (or a numbered section's text) matching one of
 * the element's `prose` patterns (征集期限 in `此次公开征求意见截止时间为2014年8月12日`), or an attachment whose link text holds one of its
 * `attachmentText` words (规范性文件草案 as `《…办法》（修订征求意见稿）.doc`). Text is compared through the one
 * normaliser (traditional → simplified, full width → half width).
 * Decides only that the element is there and where; not whether its value is good enough. Used when no label names the
 * element: a labelled field always comes first.
 */
import type { TemplateElement } from '../plan/model';
import type { Locator, PageSnapshot } from '../snapshot/types';
import { normalizeText } from '../text/normalize';

export interface ProseFinding {
  /** What stood for the label: the attachment's link text, or the sentence's words that matched. */
  label: string;
  value: string;
  locator: Locator;
}

/** A sentence shown as a value is cut to this many characters. */
const SHOWN = 160;

const compiled = new WeakMap<TemplateElement, RegExp[]>();

function patternsOf(element: TemplateElement): RegExp[] {
  let patterns = compiled.get(element);
  if (!patterns) {
    patterns = (element.prose ?? []).map((p) => new RegExp(p, 'u'));
    compiled.set(element, patterns);
  }
  return patterns;
}

export function findInProse(snapshot: PageSnapshot, element: TemplateElement): ProseFinding | null {
  const words = element.attachmentText ?? [];
  if (words.length > 0)
    for (const attachment of snapshot.attachments) {
      const text = normalizeText(attachment.text);
      if (words.some((w) => text.includes(w)))
        return { label: attachment.text, value: attachment.href, locator: attachment.locator };
    }
  const patterns = patternsOf(element);
  if (patterns.length === 0) return null;
  for (const sentence of proseTexts(snapshot)) {
    const text = sentence.normalised;
    for (const pattern of patterns) {
      const m = pattern.exec(text);
      if (m) return { label: m[0], value: sentence.text.slice(0, SHOWN), locator: sentence.locator };
    }
  }
  return null;
}

interface ProseText {
  text: string;
  locator: Locator;
  /** The text through the one normaliser. */
  normalised: string;
}

/** Each snapshot's prose texts, normalised once (every element with prose patterns reads them all). */
const proseOf = new WeakMap<PageSnapshot, { sentences: number; fields: number; texts: ProseText[] }>();

/**
 * The page's sentences, then the text of its numbered sections (`二、处罚决定` and what follows it up to the next
 * heading): a sentence a word processor split over several runs of text (`根据` `《…法》第六十三条` `第一款规定`) is one
 * text there.
 */
function proseTexts(snapshot: PageSnapshot): ProseText[] {
  const sentences = snapshot.sentences ?? [];
  const known = proseOf.get(snapshot);
  if (known && known.sentences === sentences.length && known.fields === snapshot.fields.length) return known.texts;
  const texts: ProseText[] = sentences.map((s) => ({ ...s, normalised: normalizeText(s.text) }));
  for (const field of snapshot.fields)
    if (field.layout === 'section' && !field.chrome)
      texts.push({ text: field.value, locator: field.locator, normalised: normalizeText(field.value) });
  proseOf.set(snapshot, { sentences: sentences.length, fields: snapshot.fields.length, texts });
  return texts;
}
