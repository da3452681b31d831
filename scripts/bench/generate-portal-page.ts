/**
 * Generated county-portal pages for the benchmark.
 * - `generatePortalPage` (the budgeted one, about N elements): shaped like a real portal's 政务公开 page — a header
 *   with a mega-menu, breadcrumb, layout tables and nested divs, twenty column blocks of 15 dated items each, a
 *   办事指南 key/value table with a materials table, a metadata block, article paragraphs with inline spans (one with
 *   a phone number), and a footer with link groups. Markup, not list rows, makes up most of the elements, as on real
 *   portals.
 * - `generateLongListPage`: a stress case, one column list of several thousand rows.
 */
const DAY = ['01', '03', '05', '08', '10', '12', '15', '18', '20', '22', '25', '28'];

function header(): string {
  const menu = Array.from(
    { length: 10 },
    (_, i) =>
      `<li class="nav-item"><a href="/c${i}/">一级栏目${i}</a><div class="sub"><ul>${Array.from({ length: 12 }, (_, j) => `<li><a href="/c${i}/s${j}/"><span>二级栏目${i}-${j}</span></a></li>`).join('')}</ul></div></li>`,
  ).join('');
  return `<div class="top"><div class="w"><span class="date">2026年11月28日</span><a href="/">繁體</a> <a href="/">无障碍</a></div></div><div class="head"><div class="w"><h2 class="logo"><a href="/"><img src="/logo.png" alt="中国罗源湾"></a></h2><form><input name="q"><button>搜索</button></form></div></div><div class="nav"><ul class="w">${menu}</ul></div>`;
}

function columnBlock(index: number): string {
  const items = Array.from({ length: 15 }, (_, k) => {
    const month = String(((index + k) % 12) + 1).padStart(2, '0');
    const day = DAY[(index * 3 + k) % 12]!;
    return `<li><span class="dot"></span><a href="/zwgk/c${index}/2026${month}/t2026${month}${day}_${index}${k}.html" title="罗源县第${index}栏目2026年${Number(month)}月信息（第${k}条）">罗源县第${index}栏目2026年${Number(month)}月信息</a><span class="time">2026-${month}-${day}</span></li>`;
  }).join('');
  return `<div class="col-box"><div class="box-head"><h3><span>栏目${index}</span></h3><a class="more" href="/zwgk/c${index}/">更多&gt;&gt;</a></div><div class="box-body"><ul class="list">${items}</ul></div></div>`;
}

function article(paragraphs: number): string {
  return Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p><span class="num">${i + 1}.</span><span>罗源县人民政府办公室关于做好<strong>政务公开</strong>工作第${i}项任务的说明，<em>请各单位</em>认真落实${i % 25 === 0 ? '，咨询电话 0591-26831234' : ''}。</span></p>`,
  ).join('');
}

function guide(): string {
  const labels = [
    '事项名称',
    '事项类型',
    '设定依据',
    '实施机构',
    '法定办结时限',
    '承诺办结时限',
    '收费标准',
    '办理地点',
    '办理时间',
    '咨询电话',
    '监督电话',
  ];
  const rows = labels.map((g) => `<tr><th>${g}</th><td>${g}的内容说明</td></tr>`).join('');
  const materials = Array.from(
    { length: 8 },
    (_, i) => `<tr><td>${i + 1}.申请表原件一式两份，须加盖公章</td><td>原件</td><td>样本</td><td>申请人自备</td></tr>`,
  ).join('');
  return `<table class="guide">${rows}</table><table class="materials"><tr><td>材料名称</td><td>材料类型</td><td>材料样本</td><td>来源渠道</td></tr>${materials}</table>`;
}

function footer(): string {
  const groups = Array.from(
    { length: 6 },
    (_, g) =>
      `<div class="links"><h4>链接${g}</h4><ul>${Array.from({ length: 10 }, (_, j) => `<li><a href="http://www.gov.cn/l${g}${j}/">相关网站${g}-${j}</a></li>`).join('')}</ul></div>`,
  ).join('');
  return `<div class="foot"><div class="w">${groups}<p>主办单位：罗源县人民政府办公室 承办单位：罗源县数字办</p><p>网站标识码：3501230001 闽ICP备09001234号</p></div></div>`;
}

function page(body: string, title: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_中国罗源湾</title><meta name="SiteName" content="中国罗源湾"><meta name="ColumnName" content="政务公开"></head><body>${body}</body></html>`;
}

function countElements(html: string): number {
  return (html.match(/<[a-z][a-z0-9]*[\s>]/gi) ?? []).length;
}

export function generatePortalPage(targetElements = 10_000): string {
  const fixed = [
    header(),
    '<div class="position w">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>',
    '<div class="main w"><table class="layout"><tr><td class="left">',
    '<p class="info">发布时间：2026-11-20 09:30 来源：县政府办</p>',
    '<table class="meta"><tr><td>索 引 号</td><td>FJ-LY-2026-0012</td><td>发布机构</td><td>罗源县政府办</td></tr><tr><td>生成日期</td><td>2026-11-19</td><td>文号</td><td>罗政办〔2026〕12号</td></tr></table>',
    guide(),
  ];
  const blocks = Array.from({ length: 20 }, (_, i) => columnBlock(i));
  const tail = ['</td></tr></table></div>', footer()];
  let paragraphs = 0;
  let body = [...fixed, ...blocks, '<div class="article">', article(paragraphs), '</div>', ...tail].join('');
  // Article paragraphs (five elements each) fill the page up to the target.
  while (countElements(body) < targetElements - 5) {
    paragraphs += Math.max(1, Math.floor((targetElements - countElements(body)) / 5));
    body = [...fixed, ...blocks, '<div class="article">', article(paragraphs), '</div>', ...tail].join('');
  }
  return page(body, '政务公开');
}

export function generateLongListPage(rows = 3_000): string {
  const items = Array.from({ length: rows }, (_, i) => {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = DAY[i % 12]!;
    return `<li><a href="/zwgk/czsz/2026${month}/t2026${month}${day}_${i}.html">罗源县2026年${(i % 12) + 1}月财政收支情况（第${i}条）</a><span>2026-${month}-${day}</span></li>`;
  }).join('');
  return page(
    `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czsz/">财政收支</a></div><ul class="newslist">${items}</ul>`,
    '财政收支',
  );
}
