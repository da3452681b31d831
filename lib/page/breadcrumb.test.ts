// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findBreadcrumb, HOME_NAMES, PREFIX_OR_HOME_CHAR, PREFIXES } from './breadcrumb';

function doc(body: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.body.innerHTML = body;
  return d;
}

describe('findBreadcrumb', () => {
  const cases: Array<[string, string, string[], string]> = [
    [
      '当前的位置： with a category code hidden in the markup after the last link',
      '<div>当前的位置：<a href="/">首页 </a>&gt; <span><a href="/jyxx/">交易信息</a> </span>&gt; <span><a>铁路工程</a> </span><span style="display: none;"><div id="cate">004002004</div></span></div>',
      ['首页', '交易信息', '铁路工程'],
      'prefix',
    ],
    [
      'a location printed as plain text, no prefix and no links',
      '<div class="top"><a href="/">网站首页</a> | <a href="/en/">English</a></div><p class="detailTitle">首页  &gt; 公示公告</p><h1>关于某项目的公示</h1>',
      ['首页', '公示公告'],
      'separator',
    ],
    [
      '当前位置： with >',
      '<div class="pos">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a>财政收支</a></div>',
      ['首页', '政务公开', '财政收支'],
      'prefix',
    ],
    [
      'list items with no separator in the text (arrows drawn by CSS), indented markup',
      `<div class="breadcrumb"><ul>
                        <li>当前位置：
                            <a href="/">首页</a>
                        </li>
                        <!-- ngRepeat: x in crumbs --><li class="ng-scope">
                            <a href="/zwxx/">政务信息&nbsp;</a>
                        </li><li class="ng-scope">
                            <a href="/xzcf/">行政处罚&nbsp;</a>
                        </li><li class="ng-scope">
                            <a href="/xzcf/jgj/">监管局本级&nbsp;</a>
                        </li>
                    </ul></div>`,
      ['首页', '政务信息', '行政处罚', '监管局本级'],
      'prefix',
    ],
    [
      '您现在的位置 with >>',
      '<p>您现在的位置：<a>首页</a>&gt;&gt;<a>政务公开</a>&gt;&gt;<a>审计结果公开</a></p>',
      ['首页', '政务公开', '审计结果公开'],
      'prefix',
    ],
    [
      '您当前所在位置 with ->',
      '<td>您当前所在位置：<a>首页</a> -&gt; <a>新闻发布会</a></td>',
      ['首页', '新闻发布会'],
      'prefix',
    ],
    [
      '所在位置 with » and no colon',
      '<div>所在位置 <a>首页</a> » <a>政策解读</a></div>',
      ['首页', '政策解读'],
      'prefix',
    ],
    [
      'traditional 當前位置 with full-width ＞',
      '<div>當前位置：<a>首頁</a> ＞ <a>財政收支</a></div>',
      ['首頁', '財政收支'],
      'prefix',
    ],
    [
      'prefix in its own span',
      '<div class="crumb"><span>当前位置：</span><a>首页</a> / <a>办事指南</a></div>',
      ['首页', '办事指南'],
      'prefix',
    ],
    [
      'U+3000 and nbsp padding',
      '<div>当前位置：&nbsp;<a>首页</a>\u3000&gt;\u3000<a>国有企业</a></div>',
      ['首页', '国有企业'],
      'prefix',
    ],
    [
      'TRS CurrChnlCls',
      '<div><a class="CurrChnlCls" href="../../">首页</a>&gt;<a class="CurrChnlCls" href="../">政务公开</a>&gt;<a class="CurrChnlCls" href="./">征地信息</a></div>',
      ['首页', '政务公开', '征地信息'],
      'trs',
    ],
    [
      'pinyin-annotated prefix',
      '<div>当(dang)前(qian)位(wei)置(zhi)：<a>首页</a> &gt; <a>财政收支</a></div>',
      ['首页', '财政收支'],
      'prefix',
    ],
    [
      'one li per segment, no prefix, the list marked as the breadcrumb',
      '<ul class="breadcrumb"><li><a href="/">首页</a></li><li><span>&gt;</span> <a href="../">要闻</a></li><li><span>&gt;</span> 山西要闻</li></ul>',
      ['首页', '要闻', '山西要闻'],
      'markup',
    ],
    [
      "a placeholder chain (网站首页 > 详情页) yields to the page's own chain, here a copy the page script shows in its place",
      `<div class="position">您现在的位置：<span><a href="/">网站首页</a> > <a href="javascript:void(0)">详情页</a></span></div>
       <p id="pos_hide">您的位置：<span><a href="/">网站首页</a>&nbsp;&gt;&nbsp;<a>专题栏目</a>&nbsp;&gt;&nbsp;<a href="/zt/gzdt/">工作动态</a></span></p>`,
      ['网站首页', '专题栏目', '工作动态'],
      'prefix',
    ],
    [
      'a placeholder chain without prefix yields to a later chain',
      `<div class="position"><span><a href="/">网站首页</a> > <a href="javascript:void(0)">详情页</a></span></div>
       <div class="rels"><span><a href="/">网站首页</a>&nbsp;&gt;&nbsp;<a>综合要闻</a>&nbsp;&gt;&nbsp;<a href="/zjdt/">镇街动态</a></span></div>`,
      ['网站首页', '综合要闻', '镇街动态'],
      'separator',
    ],
    [
      'a placeholder chain is still the breadcrumb when the page has no other',
      '<div class="position">您现在的位置：<a href="/">网站首页</a> > <a>详情页</a></div><h1>标题</h1>',
      ['网站首页', '详情页'],
      'prefix',
    ],
    [
      'a page tool naming the current page (【关闭当前页面】) is no breadcrumb',
      '<div class="tools"><a href="javascript:window.close()">【关闭当前页面】</a></div><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>',
      ['首页', '政务公开'],
      'separator',
    ],
    [
      'the prefix printed twice (a 当前位置 heading over the 当前位置： label) is one prefix',
      '<div class="wz"><h3>当前位置</h3><p>当前位置：<a>西城服务</a>&gt; <a>社会服务</a>&gt; <a>信息详情</a></p></div>',
      ['西城服务', '社会服务', '信息详情'],
      'prefix',
    ],
    [
      '您所在的位置： (所在 and 的 together) with >> separators',
      '<div class="wz">您所在的位置：<a href="/">首页</a>&gt;&gt;<a href="/zdzt/">重点专题</a>&gt;&gt;<a href="/zdzt/jcdj/">基层党建动态</a></div>',
      ['首页', '重点专题', '基层党建动态'],
      'prefix',
    ],
    [
      'a prefix inside a list of items with no separators, most items unlinked (ol.breadcrumb with a span)',
      '<ol class="breadcrumb"><span>您现在所在的位置：</span><li><a href="/index.html">首页</a></li><li class="active">政务公开</li><li class="active">政府信息公开目录</li><li class="active">基层卫生</li></ol>',
      ['首页', '政务公开', '政府信息公开目录', '基层卫生'],
      'prefix',
    ],
    [
      'no prefix at all',
      '<div class="nav"><a href="/">首页</a> › <a href="/zwgk/">政务公开</a> › <a>提案办理</a></div>',
      ['首页', '政务公开', '提案办理'],
      'separator',
    ],
  ];
  for (const [name, html, segments, source] of cases) {
    it(name, () => {
      const crumb = findBreadcrumb(doc(html));
      expect(crumb?.segments).toEqual(segments);
      expect(crumb?.source).toBe(source);
    });
  }

  it('ends a bare chain at its last link when the column’s heading follows it in the same box', () => {
    const crumb = findBreadcrumb(
      doc(`<div class="path"><span><i class="i-path"></i>
        <a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/xxgk">信息公开</a>&nbsp;&gt;&nbsp;<a href="/xxgk/gzdt">工作动态</a>
        <b>工作动态<i class="topline"></i></b></span></div><h1>某某展览举行</h1>`),
    );
    expect(crumb?.segments).toEqual(['首页', '信息公开', '工作动态']);
    const runOn = findBreadcrumb(doc('<p><a href="/">首页</a> &gt; <a href="/a">政务</a>公开</p>'));
    expect(runOn?.segments).toEqual(['首页', '政务公开']);
  });

  it('reads an element whose class names it the breadcrumb, home printed as text and not a link', () => {
    const crumb = findBreadcrumb(
      doc(`<div class="nav"><a href="/">首页</a> | <a href="/en">English</a></div>
        <div class="BreadcrumbNav"><div class="main-colum"><font class="">首页</font><font class="">&gt; </font><a href="../index.htm">国情</a></div></div>
        <h1>立法制度</h1>`),
    );
    expect(crumb).toMatchObject({ segments: ['首页', '国情'], source: 'markup' });
    // A box so named that holds no chain from home is not taken for one.
    expect(findBreadcrumb(doc('<div class="breadcrumb-bg"><img alt=""> 欢迎访问</div>'))).toBeNull();
  });

  it('reads an element whose id names it the breadcrumb, a chain of its links that does not start at home', () => {
    // DotNetNuke's breadcrumb control, as the 北京市住建委 应急管理 articles print it.
    const crumb = findBreadcrumb(
      doc(`<td class="dqwz"><span id="ess_ctr443_BreadCrumbCtl_lblBreadCrumb"><a href="/publish/portal0/tab60/">信息公开</a>
        ＞ <a href="/publish/portal0/tab1248/">应急管理</a></span></td><h1>市住房城乡建设委召开系统应急工作会</h1>`),
    );
    expect(crumb).toMatchObject({ segments: ['信息公开', '应急管理'], source: 'markup' });
    // Not from home, the chain must be its links alone: plain text run on after them is no segment of it.
    expect(
      findBreadcrumb(
        doc('<div class="blkBreadcrumb"><a href="/house/">房产</a> &gt; <a href="/news/">楼市新闻</a> &gt; 正文</div>'),
      ),
    ).toBeNull();
  });

  it('takes a header link bar split by | for no breadcrumb, and reads the chain after it', () => {
    const crumb = findBreadcrumb(
      doc(`<div class="header"><a href="/">首页</a> | <a>简</a> | <a>繁</a> | <a>EN</a> | <a>登录</a></div>
        <div class="BreadcrumbNav">
            <a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/gongbao/">国务院公报</a>&nbsp;&gt;&nbsp;<a><span>2007年第23号</span></a>

            <div class="pages_print">
                <span>字号：<span>默认</span> <span>大</span> <span>超大</span></span>
                <span>|</span> <span>打印</span> <span>|</span>
            </div>
        </div>`),
    );
    expect(crumb?.segments).toEqual(['首页', '国务院公报', '2007年第23号']);
  });

  it('reads a chain printed one link per <li> with no separator (TRS markers, or a prefix in a span beside the list)', () => {
    const trs = findBreadcrumb(
      doc(`<div class="breadcrumb"><span>当前位置：</span><ul>
        <li><a href="../../../" class="CurrChnlCls">首页</a></li><li><a href="../../" class="CurrChnlCls">政务公开</a></li><li><a href="../" class="CurrChnlCls">法定主动公开内容</a></li>
      </ul></div>`),
    );
    expect(trs?.segments).toEqual(['首页', '政务公开', '法定主动公开内容']);
    const prefixed = findBreadcrumb(
      doc(`<div class="breadcrumb"><span><i></i>当前位置：</span><ul>
        <li><a href="../../../../" class="active">首页</a></li><li><a href="../../../" class="active">政务公开</a></li><li><a href="../" class="active">工作进展情况</a></li>
      </ul></div>`),
    );
    expect(prefixed?.segments).toEqual(['首页', '政务公开', '工作进展情况']);
  });

  it('keeps a level whose name holds a slash (行政处罚/行政强制) when the links run together with no separator', () => {
    const segments = ['首页', '政务公开', '政府信息公开', '法定主动公开内容', '行政处罚/行政强制', '办理结果公示'];
    const items = segments.map((s) => `<li><a href="../" title="${s}">${s}</a></li>`).join('');
    const prefixed = findBreadcrumb(
      doc(`<div class="breadcrumb"><span><i></i>当前位置：</span><ul>${items}</ul></div>`),
    );
    expect(prefixed?.segments).toEqual(segments);
    const trs = findBreadcrumb(
      doc(
        `<div class="breadcrumb"><span>当前位置：</span><ul>${items.replaceAll('title=', 'class="CurrChnlCls" title=')}</ul></div>`,
      ),
    );
    expect(trs?.segments).toEqual(segments);
  });

  it('reads a list the markup marks as the breadcrumb, with no prefix and no separator in its text', () => {
    // Bootstrap's breadcrumb component (the arrows drawn by CSS), as a tax bureau's article template prints it.
    const bootstrap = findBreadcrumb(
      doc(`<nav class="navbar"><ul class="nav"><li><a href="/web">首页</a></li><li><a href="/zcwj">政策文件</a></li></ul></nav>
        <ol class="breadcrumb">
          <li><a href="/web">首页</a></li>
          <li><a href="/zcwj">政策文件</a></li>
          <!--二级栏目  -->
          <li class="active"><a href="/web/list/sx-11400-545">最新文件</a></li>
        </ol>`),
    );
    expect(bootstrap?.segments).toEqual(['首页', '政策文件', '最新文件']);
    expect(bootstrap?.source).toBe('markup');
    // The WAI-ARIA breadcrumb pattern: the label sits on the <nav> around the list.
    const aria = findBreadcrumb(
      doc(
        '<nav aria-label="breadcrumb"><ol><li><a href="/">首页</a></li><li><a href="/xxgk/">信息公开</a></li></ol></nav>',
      ),
    );
    expect(aria?.segments).toEqual(['首页', '信息公开']);
    // A UI kit's prefixed class (Amaze UI's am-breadcrumb), the article level last.
    const amaze = findBreadcrumb(
      doc(`<ol class="am-breadcrumb am-text-sm"><li><a href="/" class="am-icon-home">首页</a></li>
        <li><a href="/info/iIndex.jsp?cat_id=1">市局部门</a></li><li><a href="/info/iList.jsp?cat_id=2">通知公告</a></li>
        <li class="am-active">正文</li></ol>`),
    );
    expect(amaze?.segments).toEqual(['首页', '市局部门', '通知公告', '正文']);
    // A list marked so that does not start at the home page is no breadcrumb (a tab strip styled with the class).
    expect(
      findBreadcrumb(doc('<ul class="breadcrumb"><li><a>通知公告</a></li><li><a>政策解读</a></li></ul>')),
    ).toBeNull();
  });

  it('reads on past a cell holding only the prefix and home when the row goes on with a pointing separator', () => {
    // A Hanweb template: 当前位置：首页 in one cell, the rest of the chain in a table in the next.
    const hanweb = findBreadcrumb(
      doc(`<table><tr><td> 当前位置：<a href="/index.html">首页</a></td><td><table><tr>
        <td> &gt; <a href="/col/col1/index.html">政府信息公开</a></td><td> &gt; <a href="/col/col2/index.html">工作动态</a></td>
        <td> &gt; <a href="/col/col3/index.html">图文报道</a></td></tr></table></td></tr></table>`),
    );
    expect(hanweb?.segments).toEqual(['首页', '政府信息公开', '工作动态', '图文报道']);
    // A row whose next cell is the site's tools, not the chain, leaves home alone.
    const tools = findBreadcrumb(
      doc('<table><tr><td>当前位置：<a href="/">首页</a></td><td><a>简体</a> | <a>繁體</a></td></tr></table>'),
    );
    expect(tools?.segments).toEqual(['首页']);
  });

  it('returns null when the page has no breadcrumb', () => {
    expect(findBreadcrumb(doc('<h1>罗源县人民政府</h1><p>欢迎访问</p><a href="/">首页</a>'))).toBeNull();
  });

  it('ignores a prefix word inside long body text', () => {
    const prose = '本文介绍了当前位置服务的管理办法。'.repeat(30);
    expect(findBreadcrumb(doc(`<p>${prose}</p>`))).toBeNull();
  });

  it('keeps the prefix it recognised', () => {
    expect(findBreadcrumb(doc('<div>您现在的位置：<a>首页</a> &gt; <a>通知公告</a></div>'))?.prefix).toBe(
      '您现在的位置',
    );
  });

  it('reads the chain of a page with two <html> tags (no body for the parser), prefix left out', () => {
    const { document } = parseHTML(
      '<html><html><head><title>t</title></head><body><div class="current-path"><p>当前位置：\n<a href="/">首页</a> &gt; <a href="/a">网信政务</a> &gt; <a href="/b">规范性文件</a></p></div></body></html>',
    );
    expect(findBreadcrumb(document as unknown as Document)?.segments).toEqual(['首页', '网信政务', '规范性文件']);
  });
});

describe('texts passed over unread by the prefix reader', () => {
  it('hold none of the prefixes and none of the home names (each holds a character the quick test looks for)', () => {
    for (const word of [...PREFIXES, ...HOME_NAMES.split('|')]) expect(PREFIX_OR_HOME_CHAR.test(word), word).toBe(true);
  });
});
