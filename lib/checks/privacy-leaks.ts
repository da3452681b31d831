/**
 * Check `privacy-leaks`: personal numbers published in the clear — an 18-digit 居民身份证号 whose GB 11643 check digit
 * is right, a mobile number `1[3-9]\d{9}`, a bank card number (16–19 digits passing Luhn with a card prefix).
 * Masked values (350123********1234, 138****8000) pass. Evidence is shown masked: the product never repeats a leak.
 * Decides: fail on an ID or bank card; a mobile in a field labelled as a contact phone (咨询/监督/联系电话) is
 * needs-review (it may be an office line); elsewhere a mobile fails. An ID-shaped number (17 digits + digit or X, a
 * plausible birth date) whose check digit is wrong is no ID on its own (an 办件编号 may look so), but labelled as one
 * (身份证号 / 公民身份号码 in its field label or its text) it is needs-review: a typo does not make a leak harmless.
 * Each evidence is `kind:masked` (kind: id, id-unverified, mobile, bank-card) with the locator of its text.
 * Does not judge names or addresses.
 */
import type { Evidence } from '../snapshot/types';
import { normalizeLabel } from '../text/normalize';
import { message, onceOn, PAGE_KINDS, type Check, type CheckResult } from './types';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The birth date of an ID-shaped number is a possible date (year 1900–2100). */
function plausibleBirthDate(id: string): boolean {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  return !(year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31);
}

/** 18 characters shaped like a 居民身份证号 (birth date plausible), whatever its check digit. */
export function looksLikeIdNumber(id: string): boolean {
  return /^\d{17}[\dXx]$/.test(id) && plausibleBirthDate(id);
}

/** A label naming a 居民身份证号. */
export const ID_LABEL = /身份证|公民身份号码|身份号码/;

/** GB 11643-1999: region, birth date and check digit of an 18-character ID number. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!plausibleBirthDate(id)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return CHECK_CHARS[sum % 11] === id[17]!.toUpperCase();
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function maskNumber(value: string): string {
  if (value.length <= 7) return value.replace(/\d/g, '*');
  const keep = value.length >= 15 ? 4 : 3;
  return value.slice(0, keep === 4 ? 6 : 3) + '*'.repeat(value.length - (keep === 4 ? 10 : 7)) + value.slice(-4);
}

export interface Leak {
  kind: 'id' | 'id-unverified' | 'mobile' | 'bank-card';
  masked: string;
}

/**
 * Leaks in one text, in order. Digit runs are taken whole, so a longer number never yields a shorter false hit.
 * `idLabelled`: the text is the value of a field labelled as an ID number (the text's own label counts too).
 */
export function findLeaks(text: string, options: { idLabelled?: boolean } = {}): Leak[] {
  const leaks: Leak[] = [];
  const labelled = options.idLabelled === true || ID_LABEL.test(text);
  for (const m of text.matchAll(/(?<![\dA-Za-z])(\d[\d ]{9,22}[\dXx])(?![\dA-Za-z])/g)) {
    const run = m[1]!.replace(/ /g, '');
    if (run.length === 18 && isValidIdNumber(run)) leaks.push({ kind: 'id', masked: maskNumber(run) });
    else if (labelled && looksLikeIdNumber(run)) leaks.push({ kind: 'id-unverified', masked: maskNumber(run) });
    else if (
      /^\d{16,19}$/.test(run) &&
      /^(62|4|5[1-5]|3[47]|9)/.test(run) &&
      passesLuhn(run) &&
      !/^(19|20)\d{6}/.test(run)
    )
      leaks.push({ kind: 'bank-card', masked: maskNumber(run) });
    else if (/^1[3-9]\d{9}$/.test(run)) leaks.push({ kind: 'mobile', masked: maskNumber(run) });
  }
  return leaks;
}

/** The text with every personal number (as `findLeaks` sees them) masked: what any result may repeat of a page. */
export function maskPersonalNumbers(text: string, options: { idLabelled?: boolean } = {}): string {
  if (!/\d{11}/.test(text.replace(/ /g, ''))) return text;
  const idLabelled = options.idLabelled === true || ID_LABEL.test(text);
  return text.replace(/(?<![\dA-Za-z])(\d[\d ]{9,22}[\dXx])(?![\dA-Za-z])/g, (run) => {
    const [leak] = findLeaks(run, { idLabelled });
    return leak ? leak.masked : run;
  });
}

const CONTACT_LABEL = /(咨询|监督|投诉|联系|办公|服务|值班|热线)(电话|方式)/;

export const privacyLeaks: Check = {
  id: 'privacy-leaks',
  appliesTo: onceOn(PAGE_KINDS),
  run(snapshot) {
    const contactValues = new Set(
      snapshot.fields.filter((f) => CONTACT_LABEL.test(normalizeLabel(f.label))).map((f) => f.value),
    );
    const idValues = snapshot.fields.filter((f) => ID_LABEL.test(normalizeLabel(f.label))).map((f) => f.value);
    const evidence: Evidence[] = [];
    let severe = 0;
    let mobiles = 0;
    let contactMobiles = 0;
    let unverified = 0;
    for (const block of snapshot.textBlocks) {
      const idLabelled = idValues.some((v) => v !== '' && (block.text.includes(v) || v.includes(block.text)));
      for (const leak of findLeaks(block.text, { idLabelled })) {
        const inContact =
          leak.kind === 'mobile' && [...contactValues].some((v) => block.text.includes(v) || v.includes(block.text));
        if (leak.kind === 'mobile') {
          if (inContact) contactMobiles += 1;
          else mobiles += 1;
        } else if (leak.kind === 'id-unverified') unverified += 1;
        else severe += 1;
        evidence.push({ text: `${leak.kind}:${leak.masked}`, locator: block.locator });
      }
    }
    const result: CheckResult = {
      checkId: 'privacy-leaks',
      status: 'pass',
      message: message('checkPrivacyPass'),
      evidence,
    };
    if (severe + mobiles > 0)
      return [{ ...result, status: 'fail', message: message('checkPrivacyFail', evidence.length) }];
    if (unverified > 0)
      return [{ ...result, status: 'needs-review', message: message('checkPrivacyIdUnverified', unverified) }];
    if (contactMobiles > 0)
      return [{ ...result, status: 'needs-review', message: message('checkPrivacyReview', contactMobiles) }];
    // Only a cut in the digit-bearing text makes the scan incomplete (a cut list of links does not).
    if (snapshot.truncation?.some((t) => t.part === 'text-blocks'))
      return [{ ...result, status: 'needs-review', message: message('checkPrivacyTruncated') }];
    return [result];
  },
};
