// @vitest-environment happy-dom
/** The engine's decisions on hand-written pages: column and its source, page kind, tasks (or none), which checks run. */
import { describe, expect, it } from 'vitest';
import { luoyuan2017, templates } from '../../seeds/index';
import { takeSnapshot } from '../snapshot/take-snapshot';
import { columnLocation, detectColumn } from './column';
import { inspectPage } from './inspect-page';
import { matchTasks } from './match-tasks';
import { detectPageKind } from './page-kind';

const templateMap = new Map(templates.map((t) => [t.id, t]));
const NOW = new Date('2026-11-28T04:00:00Z');

function snap(html: string, url = 'http://www.luoyuan.gov.cn/zwgk/czsz/index.html') {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return takeSnapshot(doc, url);
}

describe('column detection', () => {
  it('reads ColumnName first, then the breadcrumb, then the title, then the URL', () => {
    expect(
      detectColumn(
        snap(
          '<head><meta name="ColumnName" content="预决算公开"></head><body><div>当前位置：首页 &gt; 财政收支</div></body>',
        ),
      ),
    ).toMatchObject({ name: '预决算公开', source: 'meta' });
    expect(
      detectColumn(snap('<div>当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>财政收支</a> &gt; 正文</div>')),
    ).toEqual({ name: '财政收支', source: 'breadcrumb', path: ['首页', '政务公开', '财政收支', '正文'] });
    expect(
      detectColumn(
        snap(
          '<head><title>市监督总站2014年7月份行政处罚情况简报－工作动态－北京市住房和城乡建设委员会门户网站</title></head><body><h1>市监督总站2014年7月份行政处罚情况简报</h1></body>',
        ),
      ),
    ).toMatchObject({ name: '工作动态', source: 'title' });
    expect(
      detectColumn(snap('<p>无任何标记</p>', 'http://www.luoyuan.gov.cn/zwgk/zdxx/202611/t20261118_1.html')),
    ).toMatchObject({ name: '征地信息', source: 'url' });
    expect(detectColumn(snap('<p>无任何标记</p>', 'http://www.luoyuan.gov.cn/a/b/c.html'))).toMatchObject({
      name: null,
      source: 'none',
    });
  });

  it('skips a last breadcrumb segment that is the page’s own item (its 事项名称), however often it repeats', () => {
    const guide =
      snap(`<div>当前位置：首页 &gt; 服务大厅 &gt; 房屋管理 &gt; 商品房预售合同登记备案 &gt; 商品房预售合同登记备案</div>
      <table><tr><td>事项名称</td><td>商品房预售合同登记备案</td></tr><tr><td>办理时限</td><td>即时办理</td></tr></table>`);
    expect(detectColumn(guide)).toMatchObject({ name: '房屋管理', source: 'breadcrumb' });
    // A classification value equal to the column keeps the column: only item-name labels speak.
    const bulletin = snap(`<div>当前位置：首页 &gt; 统计数据 &gt; 统计公报</div><p>分类：统计公报</p>`);
    expect(detectColumn(bulletin)).toMatchObject({ name: '统计公报', source: 'breadcrumb' });
  });

  it("never takes the site's own name, however short, for the column a title names", () => {
    for (const [title, column] of [
      ['座谈会6_专题_中国政府网', '专题'],
      ['供应井喷纯新盘成主角_新闻中心_新浪网', '新闻中心'],
      ['政府工作报告之扩内需与城镇化篇-中国政府网', null],
      // Printed from the page on, the column is the part next to the page's; printed from the site on, the last one.
      ['加快发展生产性服务业_最新专题_专题_中国政府网', '最新专题'],
      ['中国政府网_专题_最新专题_加快发展生产性服务业的若干意见全文', '最新专题'],
    ] as const)
      expect(detectColumn(snap(`<title>${title}</title><p>正文</p>`, 'http://www.gov.cn/a/b.htm')).name, title).toBe(
        column,
      );
  });

  it('reads a list page titled by its column alone, but never a detail page’s one-part title', () => {
    const items = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/gb/${i}.htm">国务院关于印发第${i}号方案的通知</a></li>`,
    );
    const list = snap(`<title>国务院公报</title><ul>${items.join('')}</ul>`, 'http://www.gov.cn/gongbao/index.htm');
    expect(list.listItems.length).toBeGreaterThanOrEqual(3);
    expect(detectColumn(list)).toMatchObject({
      name: '国务院公报',
      source: 'title',
    });
    const article = snap(
      '<title>关于开展安全生产大检查的通知</title><p>发布时间：2026-11-02</p>',
      'http://www.gov.cn/a/b.htm',
    );
    expect(detectColumn(article)).toMatchObject({
      source: 'none',
    });
  });
});

describe('column detection when the ColumnName meta and the printed breadcrumb disagree', () => {
  const crumb = '<div>当前位置：<a>首页</a> &gt; <a>新闻中心</a> &gt; <a>洪湖要闻</a></div><h1>某某活动开幕</h1>';
  it('takes no column from a meta that repeats the site’s name', () => {
    const page = snap(
      `<head><meta name="SiteName" content="洪湖市人民政府门户网"><meta name="ColumnName" content="洪湖市人民政府门户网"></head><body>${crumb}<p>发布时间：2018-04-19</p></body>`,
    );
    expect(detectColumn(page)).toMatchObject({ name: '洪湖要闻', source: 'breadcrumb' });
  });

  it('takes no column from a meta that holds the article’s own title', () => {
    const title = '武钢云谷·606产业园开园招商推介会举办';
    const page = snap(
      `<head><meta name="ColumnName" content="${title}"><meta name="ArticleTitle" content="${title}"></head><body><div>当前位置：<a>首页</a> &gt; <a>工作动态</a></div><h1>${title}</h1><p>发布日期：2023-06-11</p></body>`,
    );
    expect(detectColumn(page)).toMatchObject({ name: '工作动态', source: 'breadcrumb' });
    expect(columnLocation(page).map((l) => l.text)).not.toContain(title);
  });

  it('reads a meta written as the site’s name followed by the column as that column', () => {
    const page = snap(
      `<head><meta name="SiteName" content="武汉市人民政府门户网站"><meta name="ColumnName" content="武汉市人民政府门户网站武汉动态"></head><body><div><a>首页</a> / <a>武汉动态</a></div><h1>某某活动开幕</h1><p>发布日期：2023-11-06</p></body>`,
    );
    expect(detectColumn(page)).toMatchObject({ name: '武汉动态', source: 'meta' });
    expect(columnLocation(page)[0]).toEqual({ text: '武汉动态', source: 'meta' });
  });

  it('takes the printed column when a breadcrumb two levels deep does not name the meta, or names it higher up', () => {
    const platform = snap(
      `<head><meta name="ColumnName" content="邯郸市政府信息公开"></head><body>${crumb}<p>发布时间：2018-04-19</p></body>`,
    );
    expect(detectColumn(platform)).toMatchObject({ name: '洪湖要闻', source: 'breadcrumb' });
    const higher = snap(
      `<head><meta name="ColumnName" content="新闻中心"></head><body>${crumb}<p>发布时间：2018-04-19</p></body>`,
    );
    expect(detectColumn(higher)).toMatchObject({ name: '洪湖要闻', source: 'breadcrumb' });
    expect(
      columnLocation(higher)
        .map((l) => l.text)
        .slice(0, 2),
    ).toEqual(['洪湖要闻', '新闻中心']);
    expect(
      columnLocation(platform)
        .map((l) => l.text)
        .slice(0, 4),
    ).toEqual(['洪湖要闻', '新闻中心', '邯郸市政府信息公开', 'czsz']);
  });

  it('keeps the meta when it is the breadcrumb’s column, or the breadcrumb is one level deep (the meta may be deeper)', () => {
    const same = snap(
      `<head><meta name="ColumnName" content="洪湖要闻"></head><body>${crumb}<p>发布时间：2018-04-19</p></body>`,
    );
    expect(detectColumn(same)).toMatchObject({ name: '洪湖要闻', source: 'meta' });
    const shallow = snap(
      '<head><meta name="ColumnName" content="预决算公开"></head><body><div>当前位置：<a>首页</a> &gt; <a>财政信息</a></div></body>',
    );
    expect(detectColumn(shallow)).toMatchObject({ name: '预决算公开', source: 'meta' });
  });

  it('reads a year folder (2024) as no column, in the meta or as the breadcrumb’s last segment', () => {
    const page = snap(
      `<head><meta name="ColumnName" content="2024"></head><body>
      <div>当前的位置：<a>首页</a> &gt;&gt; <a>综合要闻</a> &gt;&gt; <a>本市要闻</a> &gt;&gt; <a>2024</a></div>
      <h1>某某大展征稿</h1><p>发布时间：2024-07-02 08:16 来源：石家庄新闻网</p></body>`,
    );
    expect(detectColumn(page)).toMatchObject({ name: '本市要闻', source: 'breadcrumb' });
    expect(columnLocation(page).map((l) => l.text)).not.toContain('2024');
  });

  it('reads the heading of a list page as its column, not as the page’s own name', () => {
    const list = snap(
      `<head><meta name="ColumnName" content="邯郸市政府信息公开"></head><body>
      <div>当前位置：<a>首页</a> -&gt; <a>政府文件</a> -&gt; <a>近期信息公开</a></div><h2>近期信息公开</h2>
      <table><tr><th>名称</th><th>发布日期</th></tr><tr><td><a href="/a.html">关于某事的通知</a></td><td>2020-08-05</td></tr></table>
      <div>共 1 页 <a>上一页</a> <a>下一页</a></div></body>`,
    );
    expect(list.pagination).not.toBeNull();
    expect(detectColumn(list)).toMatchObject({ name: '近期信息公开', source: 'breadcrumb' });
  });
});

describe('column detection when the breadcrumb ends with the page itself', () => {
  it('skips a last segment that is the record’s own 事项名称, and keeps a column that is not', () => {
    const guide =
      snap(`<div>当前位置：<a>首页</a> &gt; <a>服务大厅</a> &gt; <a>房屋管理</a> &gt; <a>集体土地房屋拆迁许可</a></div>
      <table><tr><td>事项名称</td><td>集体土地房屋拆迁许可</td></tr><tr><td>办理时限</td><td>20个工作日</td></tr></table>`);
    expect(detectColumn(guide).name).toBe('房屋管理');
    const other = snap(`<div>当前位置：<a>首页</a> &gt; <a>服务大厅</a> &gt; <a>房屋管理</a></div>
      <table><tr><td>事项名称</td><td>集体土地房屋拆迁许可</td></tr><tr><td>办理时限</td><td>20个工作日</td></tr></table>`);
    expect(detectColumn(other).name).toBe('房屋管理');
  });

  const hall = (main: string, sub: string, item: string) =>
    snap(`<div>当前位置：<a>首页</a> &gt; <a>服务大厅</a> &gt; 人员资格管理 &gt; ${main} &gt; <a>${sub}</a></div>
      <table><tr><td>事项名称</td><td>${item}</td></tr><tr><td>办理时限</td><td>10个工作日</td></tr></table>`);

  it('skips the levels that name the item’s main item and sub-item (主项 > 子项: a word shared with its 事项名称)', () => {
    const renewal = hall('建造师执业资格注册', '二级建造师延续注册', '二级建造师延续注册');
    expect(detectColumn(renewal)).toMatchObject({ name: '人员资格管理', source: 'breadcrumb' });
    expect(
      columnLocation(renewal)
        .filter((l) => l.source === 'breadcrumb')
        .map((l) => l.text),
    ).toEqual(['人员资格管理', '服务大厅']);
    // The sub-item printed shorter than the item's name, the main item sharing only a word of it.
    expect(detectColumn(hall('监理工程师执业资格注册初审', '初始注册', '监理工程师初始注册')).name).toBe(
      '人员资格管理',
    );
  });

  it('skips two levels at most, and none that shares no word of three characters with the item', () => {
    // 人员资格管理 shares 员资格 with the item, but a service item has two levels (主项, 子项): the third is the column.
    const costClerk = hall(
      '全国建设工程造价员资格证书',
      '全国建设工程造价员资格证书变更',
      '全国建设工程造价员资格证书变更',
    );
    expect(detectColumn(costClerk).name).toBe('人员资格管理');
    // A sub-column that shares two characters (资格) with the item is a column, not the item's main item.
    expect(detectColumn(hall('执业资格', '二级建造师延续注册', '二级建造师延续注册')).name).toBe('执业资格');
    // Without a 事项名称 the breadcrumb's last segment stays the column (a column named like an item).
    const noItem = snap(
      `<div>当前位置：<a>首页</a> &gt; <a>服务大厅</a> &gt; 人员资格管理 &gt; <a>建造师执业资格注册</a></div>`,
    );
    expect(detectColumn(noItem).name).toBe('建造师执业资格注册');
  });
});

describe('task matching', () => {
  it('finds the plan’s own column names, across scripts', () => {
    expect(matchTasks(luoyuan2017, '财政收支')[0]?.no).toBe('2');
    expect(matchTasks(luoyuan2017, '審計結果公開專欄').map((m) => m.no)).toEqual(['4']);
    expect(matchTasks(luoyuan2017, '征地信息')[0]?.no).toBe('46');
    expect(matchTasks(luoyuan2017, '提案办理')[0]?.no).toBe('54');
  });

  it('returns nothing rather than a wrong task', () => {
    expect(matchTasks(luoyuan2017, '工作动态')).toEqual([]);
    expect(matchTasks(luoyuan2017, '通知公告')).toEqual([]);
    expect(matchTasks(luoyuan2017, '首页')).toEqual([]);
    expect(matchTasks(luoyuan2017, null)).toEqual([]);
  });

  it('explains every match', () => {
    const [m] = matchTasks(luoyuan2017, '棚户区改造');
    expect(m?.no).toBe('45');
    // The column's kind, with the source of that knowledge, and what in the task links it.
    expect(m?.reasons[0]).toEqual({
      key: 'matchReasonConcept',
      args: ['棚户区改造', '保障性住房与棚户区改造', '基层标准目录·农村危房改造'],
    });
    expect(m?.reasons).toContainEqual({ key: 'matchReasonLinkTitle', args: ['棚户区改造'] });
  });

  it('lets a pin override the matcher', () => {
    const pinned = matchTasks(luoyuan2017, '工作动态', { pinnedTaskIds: ['luoyuan-2017/t57'] });
    expect(pinned.map((m) => m.no)).toEqual(['57']);
    expect(pinned[0]?.reasons[0]?.key).toBe('matchReasonPinned');
  });
});

describe('page kind and the checks it brings', () => {
  const list = `<head><meta name="ColumnName" content="财政收支"></head><body><ul>${[1, 2, 3, 4, 5, 6]
    .map(
      (n) =>
        `<li><a href="/zwgk/czsz/20261${n}/t20261${n}01_${n}.html">罗源县2026年1-${n}月财政收支情况</a><span>2026-1${n % 2}-0${n}</span></li>`,
    )
    .join('')}</ul></body>`;

  it('a column of dated items is a list page and gets freshness and coverage', () => {
    const s = snap(list);
    expect(detectPageKind(s)).toBe('list');
    const report = inspectPage(s, { plan: luoyuan2017, templates: templateMap, now: NOW });
    expect(report.results.map((r) => r.checkId)).toEqual([
      'privacy-leaks',
      'page-meta-tags',
      'column-freshness',
      'periodic-coverage',
    ]);
  });

  it('an article whose date is not printed is still a detail page when it carries a paragraph of prose', () => {
    const paragraph =
      '第十届全国人民代表大会常务委员会第二十八次会议，听取了财政部部长代表国务院对议案作的说明，并对议案进行了审议。会议同意国务院的议案，决定批准财政部发行特别国债，购买外汇作为组建国家外汇投资公司的资本金来源。';
    const article = snap(`<div class="BreadcrumbNav"><a href="/">首页</a> &gt; <a>国务院公报</a></div>
      <h1>关于批准财政部发行特别国债的决议</h1><p>${paragraph}</p>`);
    expect(detectPageKind(article)).toBe('detail');
    expect(detectPageKind(snap('<h1>罗源县人民政府</h1><p>页面正在建设中。</p>'))).toBe('other');
  });

  it('a pager makes a page one page of a list, however few or undated its rows', () => {
    const rows = ['新建商品房项目查询', '期房签约查询', '存量房签约查询']
      .map((t, n) => `<tr><td><a href="/tabid/${n}/default.aspx">${t}</a></td></tr>`)
      .join('');
    const withPager = (pager: string) =>
      snap(
        `<div>当前位置：<a>首页</a> &gt; <a>查询中心</a> &gt; 热点搜索</div><table>${rows}</table><div>${pager}</div>`,
      );
    expect(
      detectPageKind(withPager('<a href="?p=1">首页</a> <a href="?p=1">上一页</a> <a href="?p=3">下一页</a>')),
    ).toBe('list');
    const totals = withPager('总记录数:100,当前页: <font color="red">1</font>/4');
    expect(totals.pagination).toMatchObject({ totalItems: 100 });
    expect(detectPageKind(totals)).toBe('list');
    // Without a pager the same three short links are a menu, not a list.
    expect(detectPageKind(withPager(''))).not.toBe('list');
  });

  it('a bare table of records (a 公示列表 cut from its page) is a record page, not “other”', () => {
    const s = snap(
      `<table><tr><td>序号</td><td>当事人名称</td><td>主要违法违规行为</td><td>行政处罚内容</td><td>作出决定机关</td></tr>
       <tr><td>1</td><td>某某资产管理股份有限公司</td><td>未按规定报送任职报告</td><td>罚款90万元</td><td>金融监管总局</td></tr></table>`,
    );
    expect(detectPageKind(s)).toBe('detail');
    // A menu laid out as a grid under a row of headings holds no record.
    const menu = snap(
      `<table><tr><td>政府信息公开</td><td>机构职责</td><td>法律法规</td></tr>
       <tr><td>新闻发布</td><td>政策解读</td><td>规划计划</td></tr><tr><td>财政信息</td><td>意见征集</td><td>政务动态</td></tr></table>`,
    );
    expect(detectPageKind(menu)).not.toBe('detail');
  });

  it('a statistics brief about penalties in a penalty column gets no penalty template', () => {
    const s = snap(
      `<div>当前位置：<a>首页</a> &gt; <a>行政处罚</a></div><h1>2026年10月份行政处罚情况简报</h1><p>发布时间：2026-11-02</p><p>本月共立案57起，按一般程序作出处罚41起，罚款706741元。</p>`,
      'http://www.luoyuan.gov.cn/zwgk/xzcf/1.html',
    );
    const report = inspectPage(s, { plan: luoyuan2017, templates: templateMap, now: NOW });
    expect(report.pageKind).toBe('detail');
    expect(report.tasks.map((t) => t.no)).toContain('15');
    expect(report.results.filter((r) => r.checkId === 'template-elements')).toEqual([]);
  });

  it('a penalty decision with two of its labels gets the template its task names', () => {
    const s = snap(
      `<div>当前位置：<a>首页</a> &gt; <a>行政处罚</a></div><h1>行政处罚决定书</h1><table><tr><td>当事人</td><td>某公司</td></tr><tr><td>案由</td><td>超范围经营</td></tr></table>`,
      'http://www.luoyuan.gov.cn/zwgk/xzcf/2.html',
    );
    const report = inspectPage(s, { plan: luoyuan2017, templates: templateMap, now: NOW });
    const penalty = report.results.find((r) => r.templateId === 'penalty-result');
    expect(penalty?.status).toBe('fail');
    expect(penalty?.elements?.filter((e) => e.status === 'missing').map((e) => e.name)).toEqual([
      '处罚依据',
      '处罚结果',
    ]);
  });

  it('runs only the picked templates when asked to (self-check)', () => {
    const s = snap(
      '<table><tr><td>事项名称</td><td>参保登记</td></tr><tr><td>办理地点</td><td>县政务服务中心</td></tr><tr><td>咨询电话</td><td>0591-26831234</td></tr></table>',
      'http://x/1.html',
    );
    const picked = inspectPage(s, {
      plan: luoyuan2017,
      templates: templateMap,
      now: NOW,
      pickedTemplateIds: ['penalty-result'],
      onlyPicked: true,
    });
    expect(picked.results.filter((r) => r.checkId === 'template-elements').map((r) => r.templateId)).toEqual([
      'penalty-result',
    ]);
  });
});

describe('the sentence cap is said where it mattered', () => {
  const templateMap = new Map(templates.map((t) => [t.id, t]));
  const sentences = (n: number) =>
    Array.from({ length: n }, (_, i) => `<p>第${i + 1}段，罗源县人民政府办公室关于做好政务公开工作的说明。</p>`).join(
      '',
    );
  const page = (title: string, body: string) => {
    const doc = document.implementation.createHTMLDocument();
    doc.body.innerHTML = body;
    doc.title = title;
    return takeSnapshot(doc, 'http://www.luoyuan.gov.cn/zwgk/a/t1.html');
  };

  it('reports it on a 征求意见 notice whose deadline it may have cut off, and not on a long article', () => {
    const long = page('关于做好政务公开工作的说明', `<h1>关于做好政务公开工作的说明</h1>${sentences(400)}`);
    expect(long.truncation.map((t) => t.part)).toContain('sentences');
    const article = inspectPage(long, { plan: luoyuan2017, templates: templateMap, now: new Date('2026-11-28') });
    expect((article.truncation ?? []).map((t) => t.part)).not.toContain('sentences');
    const notice = page(
      '关于公开征求意见的通知',
      `<h1>关于公开征求意见的通知</h1><p>为进一步规范政务公开工作，我们起草了《罗源县政务公开工作规定（征求意见稿）》，现将草案全文向社会公开征求意见，欢迎社会各界通过电子邮件提出意见和建议，我们将认真研究采纳各方面的意见，并在规定正式印发时一并公开意见采纳情况的说明。</p>${sentences(400)}`,
    );
    const report = inspectPage(notice, { plan: luoyuan2017, templates: templateMap, now: new Date('2026-11-28') });
    expect(report.results.some((r) => r.templateId === 'normative-doc-consultation')).toBe(true);
    expect((report.truncation ?? []).map((t) => t.part)).toContain('sentences');
  });
});

describe('a tentative answer', () => {
  it('is shown with its note but governs no check: no update period is taken from a task that only mentions the column', () => {
    // 罗源's task 22 mentions 农村劳动力转移就业 in its requirements; given a monthly period here, a guess must not lend it.
    const plan = {
      ...luoyuan2017,
      tasks: luoyuan2017.tasks.map((t) =>
        t.no === '22'
          ? {
              ...t,
              frequencies: [
                { period: 'monthly' as const, phrase: '按月', subject: '就业', source: 'requirements' as const },
              ],
            }
          : t,
      ),
    };
    const rows = Array.from(
      { length: 6 },
      (_, i) =>
        `<li><a href="/wgjy/t${i}.html">关于发布2026年稳岗返还政策第${i}批名单的公告</a><span>2026-0${i + 1}-15</span></li>`,
    ).join('');
    const report = inspectPage(
      snap(
        `<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zdly/">重点领域信息公开</a> &gt; <a href="/wgjy/">稳岗就业</a></div><ul>${rows}</ul>`,
        'http://www.luoyuan.gov.cn/zdly/wgjy/index.html',
      ),
      { plan, templates: templateMap, now: NOW },
    );
    expect(report.tasks.map((t) => t.no)).toEqual(['22', '36']);
    expect(report.noTask?.key).toBe('matchTentative');
    const freshness = report.results.find((r) => r.checkId === 'column-freshness');
    expect(freshness).toBeDefined();
    // With task 22's period the newest row (2026-06-15, five months old) would fail `22. 按月`; on a guess it may not.
    expect(freshness!.message.args.join(' ')).not.toMatch(/22\./);
  });
});
