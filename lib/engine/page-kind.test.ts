// @vitest-environment happy-dom
/**
 * Page kind of column landing pages (栏目首页): blocks of a few undated item links, each headed by a sub-column and
 * closed by a 更多 link, are a list page — and the same 更多 link in an article's sidebar, a guide's or the site's
 * navigation does not turn those pages into lists.
 */
import { describe, expect, it } from 'vitest';
import { takeSnapshot } from '../snapshot/take-snapshot';
import { detectPageKind } from './page-kind';

function kindOf(html: string, url = 'http://www.example.gov.cn/zwgk/xzsx/index.html') {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const snapshot = takeSnapshot(doc, url);
  return { kind: detectPageKind(snapshot), snapshot };
}

const CRUMB =
  '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">信息公开</a> &gt; 行政事项</div>';

/** A block as portal CMSs print it: the sub-column's name, a 更多 link, then a few undated item links. */
function block(name: string, more: string, titles: string[]): string {
  const rows = titles
    .map((t, n) => `<tr><td><a href="/zwgk/${encodeURIComponent(name)}/${n}.html" title="${t}">${t}</a></td></tr>`)
    .join('');
  return `<div class="lanmu"><div class="tit"><span>${name}</span><span class="gd"><a href="/zwgk/more${name.length}.html">${more}</a></span></div>
    <table>${rows}</table></div>`;
}

describe('a column landing page (blocks with a 更多 link each) is a list page', () => {
  it('reads two blocks of three undated items, each with its 更多 link, as a list', () => {
    const page = kindOf(
      `${CRUMB}${block('行政执法职权', '+更多', ['行政执法主体', '行政执法依据', '行政处罚裁量基准'])}
       ${block('行政审批服务', '更多&gt;&gt;', ['建设工程规划许可', '施工许可证核发', '商品房预售许可'])}`,
    );
    expect(page.snapshot.moreLinks.map((l) => l.text)).toEqual(['+更多', '更多>>']);
    expect(page.kind).toBe('list');
  });

  it('knows the usual wordings of a 更多 link, and only them', () => {
    for (const more of ['更多', '更多&gt;&gt;', '[更多]', '查看更多', 'more', 'MORE+', '更多信息 »']) {
      expect(kindOf(`${CRUMB}${block('通知公告', more, ['关于开展安全检查的通知'])}`).kind, more).toBe('list');
    }
    // A link that names a place to go is not a 更多 link.
    expect(kindOf(`${CRUMB}${block('通知公告', '更多服务事项', ['关于开展安全检查的通知'])}`).kind).toBe('other');
  });

  it('does not count a 更多 link in the site navigation or footer', () => {
    const page = kindOf(
      `<div class="nav"><a href="/a.html">首页</a><a href="/more.html">更多</a></div><h1>页面正在建设中</h1>
       <div class="footer"><a href="/links.html">更多&gt;&gt;</a></div>`,
    );
    expect(page.snapshot.moreLinks).toEqual([]);
    expect(page.kind).toBe('other');
  });
});

describe('a 更多 link beside the content does not make an article or a guide a list', () => {
  const sidebar = block('相关信息', '更多&gt;&gt;', ['关于印发实施方案的通知', '关于公布年度名单的公告']);

  it('keeps an article with a 发布时间 line a detail page', () => {
    const page = kindOf(
      `${CRUMB}<h1>关于开展2026年度安全生产检查的通知</h1><div>发布时间：2026-03-02</div>
       <p>各有关单位：现将有关事项通知如下。</p>${sidebar}`,
    );
    expect(page.kind).toBe('detail');
  });

  it('keeps an undated article with a paragraph of prose a detail page', () => {
    const prose =
      '为进一步规范行政执法行为，根据有关法律法规的规定，结合本市实际，制定本办法。本办法适用于本市行政区域内的行政执法活动，各区县、各部门应当认真贯彻执行，并将执行中的问题及时报告市人民政府法制机构，由其会同有关部门研究处理。';
    expect(kindOf(`${CRUMB}<h1>行政执法办法</h1><p>${prose}</p>${sidebar}`).kind).toBe('detail');
  });

  it('keeps a guide (labelled fields) a detail page', () => {
    const rows = [
      ['事项名称', '建筑工程施工许可证核发'],
      ['设定依据', '《中华人民共和国建筑法》第八条'],
      ['实施机构', '市住房和城乡建设委员会'],
      ['法定办结时限', '15个工作日'],
      ['收费标准', '不收费'],
      ['办理地点', '市政务服务中心三层'],
    ]
      .map(([l, v]) => `<tr><td>${l}</td><td>${v}</td></tr>`)
      .join('');
    expect(kindOf(`${CRUMB}<table>${rows}</table>${sidebar}`).kind).toBe('detail');
  });
});

describe('an article page whose byline has no date is not a list for its sidebar’s 更多 link', () => {
  it('keeps a page that prints 来源 / 浏览次数 (even empty) out of the lists', () => {
    const table = [1, 2, 3]
      .map((n) => `<tr><td>${n}</td><td>朝阳区某某小区${n}</td><td>北京某某物业管理有限公司</td></tr>`)
      .join('');
    const page = kindOf(
      `${CRUMB}<h1>本市获得示范住宅小区名单</h1><div>来源： 浏览次数：</div><table>${table}</table>
       ${block('最新信息', '更多&gt;&gt;', ['关于公布年度名单的公告', '建设工程企业资质延续审查情况'])}`,
    );
    expect(page.snapshot.moreLinks).toHaveLength(1);
    expect(page.kind).not.toBe('list');
  });
});

describe('a table of records followed by its files', () => {
  it('reads a penalty catalogue whose decisions are attached as files as a detail page, not a list', () => {
    const rows = [47, 48, 49]
      .map(
        (n) =>
          `<tr><td>${n - 46}</td><td>平市监处字〔2018〕第${n}号</td><td>某某销售无标签散装食品案</td><td>食品</td><td>罚款5000元</td><td>2018.4.2</td></tr>`,
      )
      .join('');
    // Eight or more undated links to documents: the length at which undated links read as a list of titles.
    const files = [47, 48, 49, 50, 52, 53, 54, 55]
      .map((n) => `<p><a href="/files/${n}.pdf">平市监处字〔2018〕第${n}号.pdf</a></p>`)
      .join('');
    const page = kindOf(
      `<table><tr><td>序号</td><td>行政处罚决定书文号</td><td>案件名称</td><td>案件类别</td><td>处罚结果</td><td>结案时间</td></tr>${rows}</table>${files}`,
    );
    expect(page.snapshot.listItems).toHaveLength(8);
    expect(page.snapshot.attachments).toHaveLength(8);
    expect(page.kind).toBe('detail');
  });

  it('still reads a list of dated links to files as a list', () => {
    const items = [1, 2, 3, 4]
      .map((n) => `<li><a href="/files/${n}.pdf">2024年第${n}批行政处罚案件.pdf</a><span>2024-0${n}-10</span></li>`)
      .join('');
    expect(kindOf(`${CRUMB}<ul>${items}</ul>`).kind).toBe('list');
  });
});

describe('a list the page’s markup hides (a closed tab) does not decide the kind', () => {
  const guide = [
    ['事项名称', '工程造价咨询企业新设立资质申请'],
    ['事项依据', '《国务院对确需保留的行政审批项目设定行政许可的决定》'],
    ['办理时限', '15个工作日'],
    ['收费标准', '本事项不收费'],
    ['办理机构', '市住房城乡建设委'],
    ['受理方式', '网上填报、书面受理'],
  ]
    .map(([l, v]) => `<tr><td>${l}</td><td>${v}</td></tr>`)
    .join('');
  const forms = (hidden: boolean) =>
    `<div${hidden ? ' style="display:none"' : ''}><ul>${[1, 2, 3, 4, 5, 6, 7, 8, 9]
      .map((n) => `<li><a href="/forms/${n}.doc">工程造价咨询企业资质申报表格第${n}号</a> 2011-11-2${n % 10}</li>`)
      .join('')}</ul></div>`;

  it('keeps a guide whose 表格下载 tab (nine dated forms) is hidden a detail page', () => {
    const page = kindOf(`${CRUMB}<table>${guide}</table>${forms(true)}`);
    expect(page.snapshot.listItems).toHaveLength(9);
    expect(page.kind).toBe('detail');
  });

  it('still reads the same nine dated rows, shown, as a list', () => {
    expect(kindOf(`${CRUMB}<table>${guide}</table>${forms(false)}`).kind).toBe('list');
  });
});
