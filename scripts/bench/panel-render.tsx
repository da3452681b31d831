/**
 * Bundled into the panel benchmark page (a plain page on 127.0.0.1, the panel's own components and storage code):
 * seeds an audit with synthetic findings through the real recording path, then times the first render of the
 * findings list (virtualised) and of the coverage view until rows are on screen.
 */
import { render } from 'preact';
import { CoverageView } from '../../components/CoverageView';
import { FindingsList } from '../../components/FindingsList';
import { chooseCatalogue } from '../../lib/i18n';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { createAudit } from '../../lib/storage/audits';
import { database } from '../../lib/storage/db';
import { recordPageReport } from '../../lib/storage/findings';
import { seeded, syntheticPages } from '../../tests/helpers/synthetic';
import { luoyuan2017 } from '../../seeds/index';

chooseCatalogue('zh_CN', zhCN);

async function seed(findings: number): Promise<string> {
  const db = database();
  const audit = await createAudit(db, { name: '基准', origin: 'http://www.luoyuan.gov.cn', planId: luoyuan2017.id });
  for (const page of syntheticPages(Math.ceil(findings / 20), 20, seeded(7)))
    await recordPageReport(db, audit.id, page.report, page.meta, '基准', page.now);
  return audit.id;
}

function until(selector: string, root: HTMLElement): Promise<void> {
  return new Promise((done) => {
    const check = () => (root.querySelector(selector) ? done() : requestAnimationFrame(check));
    check();
  });
}

async function time(what: 'list' | 'coverage', auditId: string): Promise<number> {
  const root = document.createElement('div');
  document.body.append(root);
  const t0 = performance.now();
  render(
    what === 'list' ? (
      <FindingsList auditId={auditId} auditName="基准" plan={luoyuan2017} />
    ) : (
      <CoverageView auditId={auditId} plan={luoyuan2017} onTask={() => undefined} />
    ),
    root,
  );
  await until(what === 'list' ? '.vrow' : '[data-cov-task], .cov-group', root);
  const ms = performance.now() - t0;
  render(null, root);
  root.remove();
  return ms;
}

(globalThis as Record<string, unknown>).__panelBench = { seed, time };
