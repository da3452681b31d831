/**
 * The HTML report's whole-site patrol section, from the audit's site records: per site, first the verdict — how many
 * 单项否决 indicators are triggered, and each indicator with its threshold, source and evidence — with the indicator
 * set and its version, the start address and when; then the columns that are not fresh (status, newest item, items,
 * the time rule — said when it is the default), the dead and suspected links with the pages they are on, the plan's
 * tasks with no column or only blank ones, how many other-site links were listed or checked, and what the crawl could
 * not do. Names the patrol wrote (indicators, thresholds, rules) and the product's words in evidence lines are in the
 * report's language (lib/patrol-names.ts, lib/patrol-evidence.ts).
 * Every string from the site or the record goes through escapeHtml. Decides this section only.
 */
import type { Language } from '../i18n-catalog';
import type { SiteLink, SiteRecord } from '../storage/db';
import { escapeHtml as e } from '../text/escape-html';
import { patrolEvidenceIn } from '../patrol-evidence';
import { patrolNameIn } from '../patrol-names';
import { columnStatusLabel, ruleCell } from './site-rows';
import { chinaTime, t } from './text';

/** Evidence lines and list rows shown per item before "N more" (the record and the spreadsheet keep them all). */
const SHOWN = 50;

/** A link as a list item: `prefix`, its verdict, status (or what failed), address, the pages it is on — and how many
 * more pages, when the record keeps only the first ones. */
function linkItem(lang: Language, l: SiteLink, prefix: string): string {
  const verdict = t(lang, `siteLinkVerdict_${l.verdict.replace(/-/g, '_')}`);
  const morePages =
    l.foundCount > l.foundOn.length ? ` ${t(lang, 'siteLinkMorePages', l.foundCount - l.foundOn.length)}` : '';
  return `<li data-verdict="${e(l.verdict)}">${e(prefix + verdict)} ${e(l.status ? String(l.status) : l.detail)} <span class="loc">${e(l.url)}</span> ← ${e(l.foundOn.join(' ') + morePages)}</li>`;
}

function more(lang: Language, total: number): string {
  return total > SHOWN ? `<li class="meta">${e(t(lang, 'exportReportMore', total - SHOWN))}</li>` : '';
}

function oneSite(lang: Language, site: SiteRecord): string {
  const out: string[] = [];
  const triggered = site.vetoes.filter((v) => v.triggered);
  const undecided = site.vetoes.filter((v) => !v.decided);
  out.push(
    `<p class="verdict ${triggered.length ? 'r-fail' : 'r-pass'}" data-triggered="${triggered.length}"><strong>${e(
      triggered.length
        ? t(
            lang,
            'exportReportVerdictFail',
            triggered.length,
            triggered.map((v) => patrolNameIn(v.name, lang)).join(t(lang, 'sepList')),
          )
        : t(lang, 'exportReportVerdictPass'),
    )}</strong>${undecided.length ? ` ${e(t(lang, 'exportReportVerdictUndecided', undecided.map((v) => patrolNameIn(v.name, lang)).join(t(lang, 'sepList'))))}` : ''}</p>`,
    `<p class="meta">${e(t(lang, 'exportReportIndicators', patrolNameIn(site.indicators.ref, lang), site.indicators.version))}<br>${e(
      t(
        lang,
        'exportReportPatrolRun',
        site.start,
        chinaTime(site.patrolledAt),
        site.pages,
        t(lang, `siteEnded_${site.ended.replace(/-/g, '_')}`),
      ),
    )}<br>${e(t(lang, 'exportCol_inspector'))}：${e(site.inspector || '—')}</p>`,
  );
  for (const v of site.vetoes) {
    const word = !v.decided ? 'patrolUndecided' : v.triggered ? 'patrolTriggered' : 'patrolClear';
    const status = !v.decided ? 'not-applicable' : v.triggered ? 'fail' : 'pass';
    const evidence = v.evidence
      .slice(0, SHOWN)
      .map((line) => `<li class="ev">${e(patrolEvidenceIn(line, lang))}</li>`)
      .join('');
    out.push(
      `<div class="finding r-${status}" data-veto="${e(v.id)}"><div><span class="label">${e(t(lang, word))}</span> ${e(t(lang, 'siteVetoLine', v.id, patrolNameIn(v.name, lang), patrolNameIn(v.threshold, lang)))}</div><div class="meta">${e(v.source)}</div>${evidence ? `<ul>${evidence}${more(lang, v.evidence.length)}</ul>` : ''}</div>`,
    );
  }
  const notFresh = site.columns.filter((c) => c.status !== 'fresh');
  out.push(`<h3>${e(t(lang, 'patrolColumns', site.columns.length, notFresh.length))}</h3>`);
  if (notFresh.length) {
    const rows = notFresh
      .slice(0, SHOWN)
      .map(
        (c) =>
          `<tr data-status="${e(c.status)}"><td>${e(c.path.join(' > '))}</td><td>${e(columnStatusLabel(lang, c.status))}</td><td>${e(c.latest ?? '—')}</td><td>${c.items}</td><td>${e(ruleCell(lang, c) || '—')}${c.explanation ? `<br>${e(c.explanation)}` : ''}</td><td class="loc">${e(c.url)}</td></tr>`,
      );
    out.push(
      `<table class="columns"><thead><tr>${['path', 'status', 'latest', 'items', 'rule', 'url']
        .map((k) => `<th>${e(t(lang, `exportSiteCol_${k}`))}</th>`)
        .join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
    if (notFresh.length > SHOWN)
      out.push(`<p class="meta">${e(t(lang, 'exportReportMore', notFresh.length - SHOWN))}</p>`);
  }
  out.push(`<h3>${e(t(lang, 'exportReportLinks', site.deadLinks.length, site.suspectedLinks.length))}</h3>`);
  const links = [...site.deadLinks, ...site.suspectedLinks];
  if (links.length)
    out.push(
      `<ul class="links">${links
        .slice(0, SHOWN)
        .map((l) => linkItem(lang, l, ''))
        .join('')}${more(lang, links.length)}</ul>`,
    );
  const checked = site.externalLinks.filter((l) => l.verdict !== 'not-checked');
  const externalBad = checked.filter((l) => l.verdict === 'dead' || l.verdict === 'suspected');
  out.push(
    `<p class="meta">${e(t(lang, 'exportReportExternal', site.externalLinks.length, checked.length, externalBad.length))}</p>`,
  );
  if (externalBad.length)
    out.push(
      `<ul class="links">${externalBad
        .slice(0, SHOWN)
        .map((l) => linkItem(lang, l, `${t(lang, 'siteLinkExternal')} `))
        .join('')}${more(lang, externalBad.length)}</ul>`,
    );
  const uncovered = site.tasks.filter((task) => task.status !== 'covered');
  if (site.tasks.length) {
    out.push(
      `<h3>${e(t(lang, 'exportReportTasks', site.tasks.length, uncovered.filter((x) => x.status === 'missing').length, uncovered.filter((x) => x.status === 'blank').length))}</h3>`,
    );
    if (uncovered.length)
      out.push(
        `<ul class="tasks">${uncovered
          .slice(0, SHOWN)
          .map(
            (task) =>
              `<li data-status="${e(task.status)}">${e(task.no)}. ${e(task.title)} — ${e(t(lang, `siteTaskStatus_${task.status}`))}${task.columns.length ? `：${e(task.columns.map((c) => c.name).join('、'))}` : ''}</li>`,
          )
          .join('')}${more(lang, uncovered.length)}</ul>`,
      );
  }
  if (site.notes.length)
    out.push(
      `<details><summary>${e(t(lang, 'exportReportNotes', site.notes.length))}</summary><ul>${site.notes
        .slice(0, SHOWN)
        .map((n) => `<li>${e(n)}</li>`)
        .join('')}${more(lang, site.notes.length)}</ul></details>`,
    );
  return out.join('\n');
}

export function siteSection(lang: Language, sites: readonly SiteRecord[]): string {
  const out = [`<section class="site"><h2>${e(t(lang, 'exportReportPatrol'))}</h2>`];
  for (const site of sites) {
    if (sites.length > 1) out.push(`<h3>${e(site.origin)}</h3>`);
    out.push(oneSite(lang, site));
  }
  out.push('</section>');
  return out.join('\n');
}
