/**
 * The command line as a publishing gate: which pages fail (by the self-check's verdict, narrowed by `--fail-on`), a
 * summary table, and a JUnit XML report for CI systems. A page fails the gate when it has an item of a kind the gate
 * watches: missing elements, empty elements, privacy leaks, or — with `any` — anything the self-check asks to fix.
 */
import type { SelfCheckKind, SelfCheckVerdict } from '../selfcheck/verdict';
import type { Format } from '../selfcheck/render';

export const GATES = ['missing', 'empty', 'privacy', 'any'] as const;
export type Gate = (typeof GATES)[number];

export interface GatedPage {
  source: string;
  title: string;
  verdict: SelfCheckVerdict;
}

export function failsGate(verdict: SelfCheckVerdict, gates: readonly Gate[]): boolean {
  if (gates.includes('any')) return !verdict.publishable;
  return verdict.items.some((item) => (gates as readonly string[]).includes(item.kind));
}

function count(verdict: SelfCheckVerdict, kind: SelfCheckKind): number {
  return verdict.items.filter((i) => i.kind === kind).length;
}

/** A fixed-width summary: one line per page, then the totals. */
export function summaryTable(
  pages: readonly GatedPage[],
  gates: readonly Gate[],
  word: (key: string) => string,
): string {
  const head = [
    '',
    word('gateColumnPage'),
    word('gateColumnMissing'),
    word('gateColumnEmpty'),
    word('gateColumnPrivacy'),
    word('gateColumnOther'),
  ];
  const rows = pages.map((p) => {
    const other =
      p.verdict.items.length - count(p.verdict, 'missing') - count(p.verdict, 'empty') - count(p.verdict, 'privacy');
    return [
      failsGate(p.verdict, gates) ? '✗' : '✓',
      p.source,
      String(count(p.verdict, 'missing')),
      String(count(p.verdict, 'empty')),
      String(count(p.verdict, 'privacy')),
      String(other),
    ];
  });
  // A loop, not Math.max(...rows): a directory of 200,000 pages must not overflow the call stack.
  const widths = head.map((h, i) => rows.reduce((most, r) => Math.max(most, width(r[i]!)), width(h)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i]! - width(c)))
      .join('  ')
      .trimEnd();
  const failed = pages.filter((p) => failsGate(p.verdict, gates)).length;
  return [line(head), ...rows.map(line), '', `${pages.length - failed} passed, ${failed} failed`].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML cannot hold
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function xml(text: string): string {
  return text
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(NOT_XML, '');
}

/** JUnit XML: one test case per page; a failure lists what to fix. */
export function junitReport(pages: readonly GatedPage[], gates: readonly Gate[], format: Format, seconds = 0): string {
  const failed = pages.filter((p) => failsGate(p.verdict, gates)).length;
  const cases = pages
    .map((p) => {
      const open = `    <testcase classname="gongkai.selfcheck" name="${xml(p.source)}" time="0">`;
      if (!failsGate(p.verdict, gates)) return `${open}</testcase>`;
      const text = p.verdict.items
        .map((i, n) => `${n + 1}. ${format(i.problem)} — ${typeof i.fix === 'string' ? i.fix : format(i.fix)}`)
        .join('\n');
      return `${open}\n      <failure message="${xml(`${p.verdict.items.length} ${format({ key: 'selfNeedsFix', args: [] })}: ${p.title}`)}" type="gongkai.${gates.join('+')}">${xml(text)}</failure>\n    </testcase>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="gongkai" tests="${pages.length}" failures="${failed}" errors="0" time="${seconds.toFixed(3)}">
  <testsuite name="gongkai check" tests="${pages.length}" failures="${failed}" errors="0" skipped="0" time="${seconds.toFixed(3)}">
${cases}
  </testsuite>
</testsuites>
`;
}
