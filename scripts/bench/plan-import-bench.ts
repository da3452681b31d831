/**
 * Importing a plan of 100 tasks (budget: < 200 ms): a table laid out as real plans print it (a merged category
 * column, 序号, requirements as the task, units with 牵头 / 配合 inside one cell, a deadline), generated here, read from
 * its HTML page and from the same table copied from a browser. Median of 10 runs after a warm-up; the normaliser's
 * caches are emptied before every run.
 */
import { parseHTML } from 'linkedom';
import { parsePlan } from '../../lib/plan/parse-plan';
import { clearNormalizeCaches } from '../../lib/text/normalize';

const UNITS = [
  '县财政局',
  '县发改局',
  '县人社局',
  '县住建局',
  '县自然资源局',
  '县政府办',
  '县市场监管局',
  '县生态环境局',
];

function table(tasks: number): { html: string; copied: string } {
  const rows: string[] = [];
  const copied: string[] = ['序号\t工作任务\t具体要求\t责任单位\t完成时限'];
  const perCategory = 10;
  for (let i = 0; i < tasks; i++) {
    const cat = Math.floor(i / perCategory);
    const lead = UNITS[i % UNITS.length];
    const other = UNITS[(i + 3) % UNITS.length];
    const req = `${i + 1}.做好第${i + 1}项政务公开工作,及时公开相关信息,按月更新专栏内容,接受社会监督。`;
    const units = `${lead}牵头,${other}、各乡镇配合`;
    const first = i % perCategory === 0;
    const catCell = first
      ? `<td rowspan="${perCategory}">${'一二三四五六七八九十'[cat] ?? '十'}、第${cat + 1}类工作</td>`
      : '';
    rows.push(`<tr><td>${i + 1}</td>${catCell}<td>${req}</td><td>${units}</td><td>2024年底前</td></tr>`);
    copied.push(
      [
        String(i + 1),
        first ? `${'一二三四五六七八九十'[cat] ?? '十'}、第${cat + 1}类工作` : '',
        req,
        units,
        '2024年底前',
      ]
        .filter((_, k) => k !== 1 || first)
        .join('\t'),
    );
  }
  const html = `<html><body><h1>某县2024年政务公开工作任务分解表</h1><table><tr><th>序号</th><th>工作任务</th><th>具体要求</th><th>责任单位</th><th>完成时限</th></tr>${rows.join('')}</table></body></html>`;
  return { html, copied: `某县2024年政务公开工作任务分解表\n${copied.join('\n')}\n` };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function benchPlanImport(tasks = 100, runs = 10): { htmlMs: number; copiedMs: number; tasks: number } {
  const { html, copied } = table(tasks);
  const parseHtml = (h: string): Document => parseHTML(h).document as unknown as Document;
  const run = (input: string, kind: 'html' | 'text'): number => {
    clearNormalizeCaches();
    const t0 = performance.now();
    const r = parsePlan(input, { kind, id: 'bench', parseHtml });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(r.error.message);
    if (r.plan.tasks.length !== tasks) throw new Error(`read ${r.plan.tasks.length} of ${tasks} tasks`);
    return ms;
  };
  run(html, 'html');
  run(copied, 'text');
  const htmlTimes = Array.from({ length: runs }, () => run(html, 'html'));
  const copiedTimes = Array.from({ length: runs }, () => run(copied, 'text'));
  return { htmlMs: median(htmlTimes), copiedMs: median(copiedTimes), tasks };
}
