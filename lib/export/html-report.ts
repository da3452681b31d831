/**
 * The audit as one self-contained, printable HTML report: opens offline in any browser, prints as a document.
 *
 * Decides:
 *  - Layout: title block (audit, site, plan, inspectors, generation time), a whole-site patrol's section when the
 *    audit has one — from its site records (site-section.ts: the verdict first, then the columns not fresh, dead and
 *    suspected links, tasks with no or only blank columns), or for an audit patrolled before site records existed
 *    from its site-veto / column-status / dead-link findings — the coverage
 *    chart (CSS bars, the panel's statuses and rules via task-summary.ts), then category → task (with its 牵头单位 and
 *    责任单位) → page, each finding with its result, severity, check text (cells.ts: the check by name, never its id),
 *    missing elements, evidence with its location as people read a page (location.ts: 表格第3行“办理地点”, never a
 *    CSS path), note, 整改 status and who checked it; each page's screenshots once after its findings (a capture
 *    linked to six findings is one image, not six); tasks with no record are listed in one collapsed line per
 *    category; then the findings of no task. A page break before each category when printed.
 *  - Self-contained: screenshots are embedded as data: URIs (PNG/JPEG/WebP/GIF only; anything else is labelled
 *    image/png so no other type can be smuggled in); no external resource of any kind.
 *  - Direction controls: every text from a page, a plan or a person is drawn in bidi isolation (<bdi>; FSI…PDI inside
 *    a sentence) and flagged [含方向控制字符] when it holds U+202A–202E / U+2066–2069, so `‮txt.exe` cannot pass for
 *    `exe.txt` unnoticed nor turn the report around it; the <title> spells them out ([U+202E]).
 *  - Safety: a Content-Security-Policy meta (`default-src 'none'; img-src data:; style-src 'unsafe-inline'`) so no
 *    script can run even if something slipped through, and every page-derived or user-typed string goes through
 *    escapeHtml — no raw interpolation of data anywhere.
 * Does not decide: which findings are included (the caller filters), cell text rules (cells.ts).
 */
import type { Language } from '../i18n-catalog';
import type { TaskCoverageStatus } from '../storage/coverage';
import { TASK_COVERAGE_STATUSES } from '../storage/coverage';
import type { Finding, Screenshot } from '../storage/db';
import { hasBidiControls, isolateBidi, revealBidiControls } from '../text/bidi';
import { escapeHtml as e } from '../text/escape-html';
import type { AuditData } from './audit-data';
import { cap, checkText, inspectorsOf, pageOf, rowContext, type RowContext } from './cells';
import { evidenceText, humanLocation } from './location';
import { siteSection } from './site-section';
import { coverageOf } from './task-summary';
import { chinaTime, t } from './text';

/**
 * Text that came from a page, a plan or a person, drawn in bidi isolation: inside <bdi> a direction control
 * (U+202A–202E, U+2066–2069) cannot reorder the report around it; text holding one is flagged 含方向控制字符 beside it,
 * with the controls spelled out ([U+202E]) in its tooltip, so the reader knows it may not read as it is stored.
 */
function iso(lang: Language, text: string): string {
  if (!hasBidiControls(text)) return `<bdi>${e(text)}</bdi>`;
  return `<bdi>${e(text)}</bdi><span class="flag" title="${e(revealBidiControls(text))}">[${e(t(lang, 'evidenceBidiControls'))}]</span>`;
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function dataUri(shot: Screenshot): Promise<string> {
  const type = IMAGE_TYPES.has(shot.blob.type) ? shot.blob.type : 'image/png';
  return `data:${type};base64,${base64(new Uint8Array(await shot.blob.arrayBuffer()))}`;
}

const STATUS_COLOR: Readonly<Record<TaskCoverageStatus, string>> = {
  'not-visited': '#c9ced6',
  'checked-generic': '#8c959f',
  'needs-manual': '#7fb8f0',
  'in-progress': '#f2c14e',
  'all-pass': '#4caf6a',
  'has-failures': '#d9534f',
};

const CSS = `
body{font:14px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#222;margin:24px auto;max-width:1000px;padding:0 16px}
h1{font-size:22px}h2{font-size:18px;border-bottom:2px solid #345;padding-bottom:4px;margin-top:32px}h3{font-size:16px;margin:20px 0 6px}
h4{font-size:14px;margin:12px 0 4px;color:#345;word-break:break-all}
.meta{color:#555}.bar{display:flex;height:22px;border-radius:4px;overflow:hidden;margin:8px 0}.bar span{display:block}
.legend span{display:inline-block;margin-right:16px}.sw{display:inline-block;width:10px;height:10px;margin-right:4px}
.finding{border:1px solid #ddd;border-left:4px solid #999;padding:6px 10px;margin:6px 0;break-inside:avoid}
.r-fail{border-left-color:#d9534f}.r-pass{border-left-color:#4caf6a}.r-needs-review{border-left-color:#f2c14e}.r-not-applicable{border-left-color:#c9ced6}
.flag{color:#b35c00;font-size:12px;margin-left:4px}.label{font-weight:bold}.units{color:#345;font-size:13px;margin:0 0 4px}details.untouched{color:#555;margin:8px 0}.ev{color:#444;font-size:13px}.loc{color:#888;font-size:12px;font-family:monospace}
img{max-width:100%;border:1px solid #ccc;margin-top:4px}
table.columns{border-collapse:collapse;width:100%;font-size:13px}table.columns td,table.columns th{border:1px solid #ddd;padding:2px 4px;vertical-align:top;text-align:left}
.verdict{font-size:16px;padding:6px 10px;border-left:4px solid #999}.verdict.r-fail{border-left-color:#d9534f;background:#fcebea}.verdict.r-pass{border-left-color:#4caf6a}
@media print{body{margin:0;max-width:none}.category{break-before:page}a{color:inherit;text-decoration:none}}
`;

function findingHtml(ctx: RowContext, f: Finding): string {
  const severity = f.severity
    ? ` <span class="sev">[${e(t(ctx.lang, 'exportCol_severity'))}：${e(ctx.labels.severity[f.severity])}]</span>`
    : '';
  const parts = [
    `<div class="finding r-${e(f.status)}"><div><span class="label">${e(ctx.labels.result[f.status])}</span>${severity} ${iso(ctx.lang, checkText(ctx, f))}</div>`,
  ];
  if (f.missing.length)
    parts.push(
      `<div>${e(t(ctx.lang, 'exportCol_missing'))}：${iso(ctx.lang, f.missing.map((m) => m.name).join('、'))}</div>`,
    );
  for (const ev of f.evidence.slice(0, 5))
    parts.push(
      `<div class="ev">“${iso(ctx.lang, cap(evidenceText(ctx.lang, ev.text)))}” <span class="loc">${iso(ctx.lang, humanLocation(ctx.lang, ev))}</span></div>`,
    );
  if (f.note) parts.push(`<div>${e(t(ctx.lang, 'exportCol_note'))}：${iso(ctx.lang, f.note)}</div>`);
  if (f.rectification)
    parts.push(
      `<div>${e(t(ctx.lang, 'exportCol_rectStatus'))}：${e(ctx.labels.rect[f.rectification.status])}${f.rectification.due ? ` · ${e(t(ctx.lang, 'exportCol_rectDue'))}：${e(f.rectification.due)}` : ''}</div>`,
    );
  parts.push(
    `<div class="meta">${e(t(ctx.lang, 'exportCol_inspector'))}：${iso(ctx.lang, inspectorsOf(f) || '—')} · ${e(chinaTime(f.updatedAt))}</div>`,
  );
  parts.push('</div>');
  return parts.join('');
}

/** The screenshots of a group of findings, each once, and each only the first time the report shows it. */
function screenshotsHtml(ctx: RowContext, findings: readonly Finding[]): string {
  const images = imagesOf(ctx);
  const shown = shownOf(ctx);
  const out: string[] = [];
  for (const id of new Set(findings.flatMap((f) => f.screenshotIds))) {
    const src = images.get(id);
    const shot = ctx.screenshots.get(id);
    if (!src || !shot || shown.has(id)) continue;
    shown.add(id);
    out.push(
      `<figure><img alt="${e(t(ctx.lang, 'exportCol_screenshots'))}" src="${e(src)}"><figcaption class="meta">${e(t(ctx.lang, 'exportCol_screenshotTime'))}：${e(chinaTime(shot.capturedAt))}</figcaption></figure>`,
    );
  }
  return out.join('');
}

/** Findings grouped by page (URL), pages in first-seen order; findings of no page under "the task as a whole". */
function byPage(ctx: RowContext, findings: readonly Finding[]): string {
  const pages = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.url;
    let list = pages.get(key);
    if (!list) pages.set(key, (list = []));
    list.push(f);
  }
  const out: string[] = [];
  for (const [url, list] of pages) {
    const page = pageOf(ctx, list[0]!);
    const title = list[0]!.title || page?.title || url;
    const head = url
      ? `${iso(ctx.lang, title)} <span class="loc">${iso(ctx.lang, url)}</span>`
      : e(t(ctx.lang, 'exportReportWholeTask'));
    out.push(`<h4>${head}</h4>`, ...list.map((f) => findingHtml(ctx, f)), screenshotsHtml(ctx, list));
  }
  return out.join('\n');
}

const IMAGES = new WeakMap<RowContext, Map<string, string>>();
function imagesOf(ctx: RowContext): Map<string, string> {
  return IMAGES.get(ctx) ?? new Map();
}
const SHOWN = new WeakMap<RowContext, Set<string>>();
function shownOf(ctx: RowContext): Set<string> {
  let shown = SHOWN.get(ctx);
  if (!shown) SHOWN.set(ctx, (shown = new Set()));
  return shown;
}

export async function exportHtmlReport(data: AuditData, lang: Language, now = new Date()): Promise<string> {
  const ctx = rowContext(data, lang);
  const used = new Set(data.findings.flatMap((f) => f.screenshotIds));
  const images = new Map<string, string>();
  for (const shot of data.screenshots) if (used.has(shot.id)) images.set(shot.id, await dataUri(shot));
  IMAGES.set(ctx, images);

  const title = t(lang, 'exportReportTitle', data.audit.name);
  // Every person once: a finding merged from two inspectors carries both names (王、林), a verdict someone else's.
  const inspectors = [...new Set(data.findings.flatMap((f) => inspectorsOf(f).split(/ \/ |、/)).filter(Boolean))];
  const body: string[] = [
    `<h1>${iso(lang, title)}</h1>`,
    `<p class="meta">${e(t(lang, 'exportReportSite', isolateBidi(data.audit.origin)))}<br>${e(t(lang, 'exportReportPlan', isolateBidi(data.plan?.title ?? data.audit.planId)))}<br>${e(t(lang, 'exportCol_inspector'))}：${iso(lang, inspectors.join('、') || '—')}<br>${e(t(lang, 'exportReportGenerated', chinaTime(now.toISOString())))}</p>`,
  ];

  // A whole-site patrol's results come first: the verdict at the top, then the columns, links and tasks to look at.
  if (data.sites.length > 0) body.push(siteSection(lang, data.sites));
  else {
    // An audit patrolled before site records existed: its site results are findings on the home page.
    const patrol = (checkId: string) => data.findings.filter((f) => f.checkId === checkId);
    const vetoes = patrol('site-veto');
    if (vetoes.length > 0) {
      const problems = [...patrol('column-status'), ...patrol('dead-link')].filter((f) => f.status !== 'pass');
      // Loops, not spreads: a site of 100,000 dead links must not overflow the call stack.
      body.push(`<section class="site"><h2>${e(t(lang, 'exportReportPatrol'))}</h2>`);
      for (const f of vetoes) body.push(findingHtml(ctx, f));
      for (const f of problems) body.push(findingHtml(ctx, f));
      body.push(screenshotsHtml(ctx, [...vetoes, ...problems]), '</section>');
    }
  }

  const byTask = new Map<string, Finding[]>();
  const noTask: Finding[] = [];
  for (const f of data.findings) {
    if (f.taskId !== null && ctx.tasks.has(f.taskId)) {
      let list = byTask.get(f.taskId);
      if (!list) byTask.set(f.taskId, (list = []));
      list.push(f);
    } else noTask.push(f);
  }

  if (data.plan) {
    const cov = coverageOf(data.plan, data.audit.id, data.findings, data.pages);
    const total = Math.max(1, cov.totals.taskCount);
    const label = (s: TaskCoverageStatus) => t(lang, `coverage_${s.replace(/-/g, '_')}`);
    body.push(
      `<h2>${e(t(lang, 'exportReportCoverage'))}（${e(t(lang, 'exportReportTaskCount', cov.totals.taskCount))}）</h2>`,
      `<div class="bar" role="img" aria-label="${e(TASK_COVERAGE_STATUSES.map((s) => `${label(s)} ${cov.totals.tasks[s]}`).join(', '))}">${TASK_COVERAGE_STATUSES.map((s) => `<span style="width:${((cov.totals.tasks[s] / total) * 100).toFixed(2)}%;background:${STATUS_COLOR[s]}"></span>`).join('')}</div>`,
      `<p class="legend">${TASK_COVERAGE_STATUSES.map((s) => `<span><i class="sw" style="background:${STATUS_COLOR[s]}"></i>${e(label(s))} ${cov.totals.tasks[s]}</span>`).join('')}</p>`,
      `<p class="meta">${e(t(lang, 'exportReportCounts', cov.totals.findings.pass, cov.totals.findings.fail, cov.totals.findings.review, cov.totals.findings.na))}</p>`,
    );
    const statusOf = new Map(cov.tasks.map((tc) => [tc.taskId, tc.status]));
    for (const category of data.plan.categories) {
      const tasks = data.plan.tasks.filter((task) => task.category === category.id);
      if (tasks.length === 0) continue;
      body.push(`<section class="category"><h2>${e(category.no)} ${iso(lang, category.title)}</h2>`);
      const untouched: string[] = [];
      for (const task of tasks) {
        const findings = byTask.get(task.id) ?? [];
        const status = statusOf.get(task.id) ?? 'not-visited';
        if (findings.length === 0 && status === 'not-visited') {
          untouched.push(`<li>${e(task.no)}. ${iso(lang, task.title)}</li>`);
          continue;
        }
        body.push(`<h3>${e(task.no)}. ${iso(lang, task.title)} <small class="meta">[${e(label(status))}]</small></h3>`);
        body.push(
          `<p class="units">${e(t(lang, 'exportTaskCol_lead'))}：${iso(lang, task.lead.units.join('、') || '—')}；${e(t(lang, 'exportTaskCol_responsible'))}：${iso(lang, task.responsible.units.join('、') || '—')}</p>`,
        );
        body.push(
          findings.length ? byPage(ctx, findings) : `<p class="meta">${e(t(lang, 'exportReportNoFindings'))}</p>`,
        );
      }
      if (untouched.length)
        body.push(
          `<details class="untouched"><summary>${e(t(lang, 'exportReportUntouched', untouched.length))}</summary><ul>${untouched.join('')}</ul></details>`,
        );
      body.push('</section>');
    }
  }
  if (noTask.length)
    body.push(`<section class="category"><h2>${e(t(lang, 'exportNoTask'))}</h2>${byPage(ctx, noTask)}</section>`);

  return `<!DOCTYPE html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(revealBidiControls(title))}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
