/**
 * A self-check as plain text (to paste into a CMS comment or a chat) and as a one-page HTML report (saved as a file).
 * Page text is untrusted: everything written into the HTML goes through escapeHtml, and the report carries no script.
 */
import type { Message } from '../checks/types';
import { escapeHtml } from '../text/escape-html';
import type { SelfCheckVerdict } from './verdict';

export type Format = (message: Message) => string;

export interface SelfCheckHeader {
  title: string;
  url: string;
  at: Date;
}

function fixText(fix: Message | string, format: Format): string {
  return typeof fix === 'string' ? fix : format(fix);
}

export function selfCheckText(header: SelfCheckHeader, verdict: SelfCheckVerdict, format: Format): string {
  const lines = [
    `${format({ key: 'selfTitle', args: [] })}: ${verdict.publishable ? format({ key: 'selfPublishable', args: [] }) : format({ key: 'selfNeedsFixCount', args: [String(verdict.items.length)] })}`,
    `${header.title} ${header.url}`.trim(),
    header.at.toLocaleString('zh-CN', { hour12: false }),
  ];
  verdict.items.forEach((item, i) => {
    lines.push(`${i + 1}. ${format(item.problem)}${item.source ? `（${item.source}）` : ''}`);
    lines.push(`   ${format({ key: 'selfFix', args: [] })}${fixText(item.fix, format)}`);
  });
  return lines.join('\n');
}

export function selfCheckHtml(header: SelfCheckHeader, verdict: SelfCheckVerdict, format: Format): string {
  const status = verdict.publishable
    ? format({ key: 'selfPublishable', args: [] })
    : format({ key: 'selfNeedsFixCount', args: [String(verdict.items.length)] });
  const rows = verdict.items
    .map(
      (item) =>
        `<li><strong>${escapeHtml(format(item.problem))}</strong> <small>${escapeHtml(item.source)}</small><br>${escapeHtml(format({ key: 'selfFix', args: [] }))}${escapeHtml(fixText(item.fix, format))}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(format({ key: 'selfTitle', args: [] }))} — ${escapeHtml(header.title)}</title>
<style>body{font:14px/1.6 "Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;max-width:760px;margin:24px auto;color:#1f2328}h1{font-size:20px}.ok{color:#1a7f37}.bad{color:#cf222e}li{margin:8px 0}small{color:#59636e}@media print{body{margin:0}}</style>
</head><body>
<h1>${escapeHtml(format({ key: 'selfTitle', args: [] }))}: <span class="${verdict.publishable ? 'ok' : 'bad'}">${escapeHtml(status)}</span></h1>
<p>${escapeHtml(header.title)}<br><small>${escapeHtml(header.url)} · ${escapeHtml(header.at.toLocaleString('zh-CN', { hour12: false }))}</small></p>
${verdict.items.length ? `<ol>\n${rows}\n</ol>` : `<p>${escapeHtml(format({ key: 'selfNothing', args: [] }))}</p>`}
</body></html>
`;
}
