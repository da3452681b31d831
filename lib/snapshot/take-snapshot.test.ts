// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseInlinePairs } from './fields';
import { resolveLocator } from './locator';
import { takeSnapshot } from './take-snapshot';

function snap(body: string, url = 'http://www.luoyuan.gov.cn/zwgk/czsz/index.html') {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = body;
  return { doc, s: takeSnapshot(doc, url) };
}
const pairs = (s: ReturnType<typeof takeSnapshot>) => s.fields.map((f) => [f.label, f.value]);

describe('fields', () => {
  it('reads two- and four-column key/value tables, th or td labels, empty values kept', () => {
    const { s } = snap(`<table>
      <tr><th>事项名称</th><td>房地产估价师初始注册</td></tr>
      <tr><td>收费依据：</td><td></td></tr>
      <tr><td>索 引 号</td><td>000014349/2026-00114</td><td>分类</td><td>财政</td></tr>
      <tr><td colspan="2">以下为说明文字，不是标签。</td></tr>
    </table>`);
    expect(pairs(s)).toEqual([
      ['事项名称', '房地产估价师初始注册'],
      ['收费依据', ''],
      ['索 引 号', '000014349/2026-00114'],
      ['分类', '财政'],
    ]);
    expect(s.fields[0]!.layout).toBe('table');
  });

  it('recognises a table whose first row names its columns, and takes no pairs from it', () => {
    const { s } = snap(`<table>
      <tr><td>材料名称</td><td>材料类型</td><td>材料样本</td><td>来源渠道</td><td>纸质材料份数和规格</td></tr>
      <tr><td>1.申请表原件一式两份，须加盖公章</td><td>原件</td><td>样本.doc</td><td>申请人自备</td><td>2份 A4</td></tr>
    </table>`);
    expect(s.headerTables.map((h) => h.headers)).toEqual([
      ['材料名称', '材料类型', '材料样本', '来源渠道', '纸质材料份数和规格'],
    ]);
    expect(s.headerTables[0]!.rows).toBe(1);
    expect(s.fields).toEqual([]);
  });

  it('reads 标签：值 lines, several on one line, and labels padded with spaces or U+3000', () => {
    const { s } = snap(`<div class="meta"><p>索 引 号：FJ-LY-2026-0012　　发布机构：罗源县财政局</p>
      <p>标\u3000\u3000题：关于2026年预算执行情况的报告</p><p>发布时间：2026-11-20 09:30 来源：县财政局</p></div>`);
    expect(pairs(s)).toEqual([
      ['索 引 号', 'FJ-LY-2026-0012'],
      ['发布机构', '罗源县财政局'],
      ['标 题', '关于2026年预算执行情况的报告'],
      ['发布时间', '2026-11-20 09:30'],
      ['来源', '县财政局'],
    ]);
    expect(s.publishInfo).toMatchObject({ date: '2026-11-20T09:30', source: '县财政局' });
  });

  it('reads a publication label printed with its two words swapped (时间发布：) as the 发布时间 line', () => {
    const { s } = snap(`<h1>辽宁省运动会开幕</h1>
      <div class="info">时间发布：2023-06-12 09:51 阅读次数: 次 信息来源：辽阳日报</div><p>记者报道　6月10日，比赛开幕。</p>`);
    expect(s.publishInfo).toMatchObject({ date: '2023-06-12T09:51', source: '辽阳日报' });
  });

  it('reads a byline that prints the source first and the date and time after it, with no date label', () => {
    const { s } = snap(`<h1>下六甲灌区工程重要节点全面开工</h1>
      <div class="info"><span>来源： 广西日报</span> <span>2024-10-17 08:03</span></div><p>广西来宾市下六甲灌区工程是重大水利工程之一。</p>`);
    expect(s.publishInfo).toMatchObject({ date: '2024-10-17T08:03', source: '广西日报' });
    const { s: yn } = snap(`<h1>昆明完成顶层设计</h1><div>来源：云南日报 2016-08-11 08:13:00 【字体：大 中 小】</div>`);
    expect(yn.publishInfo).toMatchObject({ date: '2016-08-11T08:13', source: '云南日报' });
    // A list row prints a bare date after its source: no publication line.
    const { s: row } = snap(`<ul><li><a href="/1.html">某某会议召开</a> 来源：县政府办 2016-08-11</li></ul>`);
    expect(row.publishInfo).toBeNull();
  });

  it('reads labels a mirror site annotated with pinyin, however long the annotation makes them', () => {
    const { s } = snap(`<p>纸(zhi)质(zhi)材(cai)料(liao)份(fen)数(shu)和(he)规(gui)格(ge)：2份</p>
      <table><tr><td>材(cai)料(liao)名(ming)称(cheng)</td><td>材(cai)料(liao)类(lei)型(xing)</td><td>是(shi)否(fou)需(xu)电(dian)子(zi)材(cai)料(liao)</td></tr>
      <tr><td>申请表</td><td>原件</td><td>是</td></tr></table>`);
    expect(pairs(s)).toEqual([['纸(zhi)质(zhi)材(cai)料(liao)份(fen)数(shu)和(he)规(gui)格(ge)', '2份']]);
    expect(s.headerTables.map((h) => h.headers.length)).toEqual([3]);
  });

  it('does not split URLs or times, nor take a sentence as a label', () => {
    expect(parseInlinePairs('申报网址：http://www.cirea.org.cn 办公时间：9:00-12:00')).toEqual([
      { label: '申报网址', value: 'http://www.cirea.org.cn' },
      { label: '办公时间', value: '9:00-12:00' },
    ]);
    expect(parseInlinePairs('根据《中华人民共和国政府信息公开条例》的规定，现将有关事项公告如下：')).toEqual([]);
  });

  it('reads a label printed inside a sentence before 为：, leaving other sentences alone', () => {
    expect(
      parseInlinePairs('市住房城乡建设委综合服务大厅窗口办公时间为：周一至周四，上午9：00-12：00，下午14：00-18：00。'),
    ).toEqual([{ label: '办公时间', value: '周一至周四，上午9：00-12：00，下午14：00-18：00。' }]);
    expect(parseInlinePairs('本事项咨询电话为：0591-26832345')).toEqual([
      { label: '咨询电话', value: '0591-26832345' },
    ]);
    // A sentence whose words before 为 name no label (处罚结果为 is prose, not a field of a guide) gives no pair.
    expect(parseInlinePairs('经调查，当事人的违法行为认定为：未按规定报送材料，依法应予处罚。')).toEqual([]);
  });

  it('takes no field from the labels beside a search form’s entry boxes, and keeps a 标签：值 line beside a button', () => {
    const { s } = snap(`<table><tr><td>关键字：<input type="text" value=""> 文号：<input name="wh" value="">
      开始时间：<input type="text"><a href="javascript:void(0)">选择</a> 类别：<select><option>全部</option></select></td></tr></table>
      <p>发布机构：北京市住房和城乡建设委员会 <input type="button" value="打印"></p>`);
    expect(pairs(s)).toEqual([['发布机构', '北京市住房和城乡建设委员会']]);
  });

  it('reads dl lists and bold labels', () => {
    const { s } = snap(`<dl><dt>被处罚者的名称</dt><dd>罗源县某建材有限公司</dd><dt>处罚依据</dt><dd></dd></dl>
      <p><strong>违法事实</strong> 未经批准擅自占用林地。</p>`);
    expect(pairs(s)).toEqual([
      ['被处罚者的名称', '罗源县某建材有限公司'],
      ['处罚依据', ''],
      ['违法事实', '未经批准擅自占用林地。'],
    ]);
  });
});

describe('list items', () => {
  it('reads dates in every real style and takes the year of MM-DD from the URL', () => {
    const { s } = snap(`<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul>
      <ul class="list">
        <li><a href="./202611/t20261125_1001.html">罗源县2026年1-10月财政收支情况</a><span>2026-11-25</span></li>
        <li><a href="./202610/t20261020_1002.html">罗源县2026年1-9月财政收支情况</a><span>[2026-10-20]</span></li>
        <li><a href="./202609/t20260918_1003.html">罗源县2026年1-8月财政收支情况</a><span>2026年9月18日</span></li>
        <li><a href="./202608/t20260815_1004.html">罗源县2026年1-7月财政收支情况</a><span>08-15</span></li>
        <li><a href="./old.html">罗源县财政收支情况说明（无日期）</a></li>
      </ul>`);
    expect(s.listItems.map((i) => i.date)).toEqual(['2026-11-25', '2026-10-20', '2026-09-18', '2026-08-15', null]);
    expect(new Set(s.listItems.map((i) => i.list)).size).toBe(1);
    expect(s.listItems[0]!.href).toMatch(/t20261125_1001\.html$/);
  });

  it('reads a download centre row — title link, file-type icon link, date, download icon link — as one dated item', () => {
    // As the 北京住建委 下载中心 prints each form: its own one-row table, the title beside two image links to the file.
    const row = (n: number, title: string, date: string) =>
      `<tr><td><table><tbody><tr><td>${n}</td><td><a href="/portals/0/form${n}.doc">${title}</a></td><td>执业资格注册中心</td>
       <td><a href="/portals/0/form${n}.doc" title="点击下载文件"><img src="/word.gif" title="Word文件类型"></a></td><td>${date}</td>
       <td><a href="http://www.example.gov.cn/portals/0/form${n}.doc"><img src="/download.gif"></a></td></tr></tbody></table></td></tr>`;
    const { s } = snap(
      `<table><tr><td>序号</td><td>文件标题</td><td>责任处室</td><td>类型</td><td>更新日期</td><td>下载</td></tr></table>
       <table>${row(1, '二级建造师注册申诉表', '2013-09-23')}${row(2, '一级建造师注册申诉表', '2013-09-22')}</table>`,
    );
    expect(s.listItems.map((i) => [i.title, i.date])).toEqual([
      ['二级建造师注册申诉表', '2013-09-23'],
      ['一级建造师注册申诉表', '2013-09-22'],
    ]);
    expect(s.listItems.every((i) => i.hidden === undefined)).toBe(true);
  });

  it('does not read a row with two titled links as one item, and marks the rows of a list the markup hides', () => {
    const { s } = snap(
      `<ul><li><a href="/a1.html">关于开展安全检查的通知</a> <a href="/b1.html">关于印发实施方案的通知</a> 2014-09-01</li>
       <li><a href="/a2.html">关于公布年度名单的公告</a> <a href="/b2.html">关于做好汛期工作的通知</a> 2014-08-01</li></ul>
       <div style="display: none"><ul><li><a href="/c1.html">北京市房屋状况附表（样表）</a> 2011-12-08</li>
       <li><a href="/c2.html">北京市授权委托书（推荐样本）</a> 2011-12-07</li></ul></div>`,
    );
    expect(s.listItems.map((i) => [i.title, i.hidden])).toEqual([
      ['北京市房屋状况附表（样表）', true],
      ['北京市授权委托书（推荐样本）', true],
    ]);
  });

  it('reports blank-column notices and createPageHTML totals', () => {
    const { s } = snap(
      `<div class="list"><p>暂无信息</p></div><script>createPageHTML(7, 0, "index", "html");</script>`,
    );
    expect(s.blankSignals.map((b) => b.text)).toEqual(['暂无信息']);
    expect(s.pagination).toEqual({ totalPages: 7, totalItems: null, source: 'createPageHTML' });
    expect(s.listItems).toEqual([]);
  });
});

describe('real layouts met on portals', () => {
  it('reads a metadata block of <dd><label><font>标签：</font></label><div>值</div></dd> items (开普 UCAP)', () => {
    const { s } = snap(`<div class="meta-data"><dl class="clearfix">
      <dd class="IndexNo"><label><font>索 引 号：</font></label><div class="display-block">
        014717475N/2023-0040295
      </div></dd>
      <dd class="ReleaseMechanism"><label><font>发布机构：</font></label><div class="display-block">宜春市统计局</div></dd>
      <dd class="fl"><label><font>分类：</font></label><div class="display-block"></div></dd>
    </dl></div>`);
    const filled = s.fields.filter((f) => f.value.length > 0).map((f) => [f.label, f.value]);
    expect(filled).toEqual([
      ['索 引 号', '014717475N/2023-0040295'],
      ['发布机构', '宜春市统计局'],
    ]);
    expect(s.fields.some((f) => f.label === '分类')).toBe(true);
  });

  it('takes no field from a headline link that holds a colon', () => {
    const { s } = snap(`<ul><li><a href="/a.html">CCTV：暗查烟花爆竹生产销售 隐患突出</a></li>
      <li><a href="/b.html">习近平重要指示：始终把人民生命安全放在首位</a></li></ul><p>主办单位：国家安全生产监督管理总局</p>`);
    expect(pairs(s)).toEqual([['主办单位', '国家安全生产监督管理总局']]);
  });

  it('reads a publication date printed alone before 来源, and never a list row whose title comes first', () => {
    const { s } = snap(
      `<table><tr><td>安全监管总局网站</td><td>2014/09/18</td><td>稿件来源：中国安全生产报</td></tr></table>`,
    );
    expect(s.publishInfo).toMatchObject({ date: '2014-09-18', source: '中国安全生产报' });
    const list = snap(`<ul><li><a href="/1.html">关于开展安全生产大检查的通知</a> 2014-09-18 来源：安委办</li></ul>`);
    expect(list.s.publishInfo).toBeNull();
  });

  it('reads an unlabelled byline under the article headline, and not a dated row under a column heading', () => {
    const titled = (title: string, body: string) => {
      const doc = document.implementation.createHTMLDocument();
      doc.body.innerHTML = body;
      doc.title = title;
      return takeSnapshot(doc, 'http://www.fujian.gov.cn/xw/ztzl/bmdt/201604/t20160401_1.htm');
    };
    const article = titled(
      '2016年我省重点流域生态补偿资金规模进一步增加_部门动态_中国福建',
      `<h3>2016年我省重点流域生态补偿资金规模进一步增加</h3>
       <h5 class="ly"><span>[省发改委]</span>&nbsp;&nbsp; 2016-04-01&nbsp;&nbsp; 字号：<a href="#">T</a> | <a href="#">T</a></h5>
       <div><p>2015年，我省出台实施《福建省重点流域生态补偿办法》。</p></div>`,
    );
    expect(article.publishInfo).toMatchObject({ date: '2016-04-01', source: '省发改委' });
    const column = titled(
      '部门动态_中国福建',
      `<h3>部门动态</h3><ul><li><a href="/1.htm">2016年我省重点流域生态补偿资金规模进一步增加</a> 2016-04-01</li>
       <li><a href="/2.htm">省发改委召开全省发展改革工作会议</a> 2016-03-30</li></ul>`,
    );
    expect(column.publishInfo).toBeNull();
  });

  it('reads a publication line whose time is written 时…分', () => {
    const { s } = snap('<p>中央政府门户网站 www.gov.cn 2014年02月21日 17时47分 来源：法制办网站</p>');
    expect(s.publishInfo).toMatchObject({ date: '2014-02-21T17:47', source: '法制办网站' });
  });

  it('dates list rows whose year is only in a /YYYY/MMDD/ folder of the link', () => {
    const { s } = snap(`<ul>
      <li><a href="../Contents/Channel_21203/2014/0507/234229/content_234229.htm">国家安监总局职业卫生暗查组赴广东暗查记</a>(05-07)</li>
      <li><a href="../Contents/Channel_21203/2014/0310/234100/content_234100.htm">国务院安委会第十三督查组在贵州省开展督查</a>(03-10)</li>
      <li><a href="../Contents/Channel_21203/2014/0227/233900/content_233900.htm">国务院安委会16个督查组赴各地开展专项督查</a>(02-27)</li>
    </ul>`);
    expect(s.listItems.map((i) => i.date)).toEqual(['2014-05-07', '2014-03-10', '2014-02-27']);
  });
});

describe('links, marks and evidence', () => {
  it('finds attachments, interpretation links and validity marks', () => {
    const { s } = snap(`<div>附件：<a href="/files/2026yusuan.pdf">2026年预算表.pdf</a></div>
      <p>相关解读：<a href="/zwgk/zcjd/1.html">《罗源县预算管理办法》政策解读</a></p>
      <a href="/zwgk/zcjd/">政策解读</a>
      <table><tr><td>有效性：</td><td>已废止</td></tr></table>`);
    expect(s.attachments.map((a) => a.text)).toEqual(['2026年预算表.pdf']);
    expect(s.interpretationLinks.map((a) => a.text)).toEqual(['《罗源县预算管理办法》政策解读']);
    expect(s.validityMarks.map((v) => v.text)).toContain('已废止');
  });

  it('keeps digit-bearing text for the privacy scan, with a locator that finds it again', () => {
    const { doc, s } = snap(
      `<div id="zoom"><p>当事人：张某，身份证号：350123199001011234，电话 13800138000。</p><p>无数字的段落。</p></div>`,
    );
    expect(s.textBlocks).toHaveLength(1);
    const el = resolveLocator(doc, s.textBlocks[0]!.locator);
    expect(el?.textContent).toContain('350123199001011234');
    expect(s.textBlocks[0]!.locator.path.startsWith('#zoom')).toBe(true);
  });

  it('reads a dated row whose title link sits beside a link that leads nowhere (href="#", javascript:) as a list item', () => {
    // As a 北京住建委 column page prints its rows: a dead `<a href="#">` wrapped around the title link (the parser puts
    // the two side by side). A row is a list row when it holds one link that leads somewhere.
    const rows = ['2014年8月份被投诉前10名房地产经纪机构', '2014年7月份被投诉前10名房地产经纪机构']
      .map(
        (t, i) =>
          `<tr><td><span><a href="#"></a><a href="/publish/info${i}.htm">${t}</a>2014-0${9 - i}-17</span></td></tr>`,
      )
      .join('');
    const { s } = snap(
      `<table id="list">${rows}</table><p><a href="javascript:void(0)">收藏</a><a href="/x.htm">罗源县通知公告</a></p>`,
    );
    expect(s.listItems.map((i) => [i.title, i.date])).toEqual([
      ['2014年8月份被投诉前10名房地产经纪机构', '2014-09-17'],
      ['2014年7月份被投诉前10名房地产经纪机构', '2014-08-17'],
    ]);
  });

  it('reads for the privacy scan the text that can hold a personal number, not dates or dashed office numbers', () => {
    const { s } =
      snap(`<ul><li><a href="/a/1.html">罗源县通知</a> 2026-11-20</li><li><a href="/a/2.html">罗源县公告</a> 2026-11-21</li></ul>
      <p>咨询电话：0591-2683</p><p>联系人 138 <b>0013</b> 8000</p><p>联系人手机 138 0013 8000</p>`);
    // Dates and dashed numbers never make a leak (the scan reads digits and spaces); a number split by tags into
    // pieces shorter than seven digits is not seen (the module header says so).
    expect(s.textBlocks.map((b) => b.text)).toEqual(['联系人手机 138 0013 8000']);
  });

  it('keeps the page’s sentences for elements printed in prose, and says so when their cap cut the page short', () => {
    const doc = document.implementation.createHTMLDocument('t');
    doc.body.innerHTML =
      '<p>第一段，征求意见截止时间为2014年8月12日。</p><p>第二段，请以传真方式反馈。</p><p>第三段，谢谢支持。</p>';
    const capped = takeSnapshot(doc, 'http://www.example.gov.cn/a.html', { limits: { sentences: 2 } });
    expect(capped.sentences.map((x) => x.text)).toEqual([
      '第一段，征求意见截止时间为2014年8月12日。',
      '第二段，请以传真方式反馈。',
    ]);
    expect(capped.truncation).toContainEqual({ part: 'sentences', kept: 2 });
    expect(takeSnapshot(doc, 'http://www.example.gov.cn/a.html').sentences).toHaveLength(3);
  });

  it('says how many characters of the page are garbled (U+FFFD, 锟斤拷), and nothing on a clean page', () => {
    const doc = document.implementation.createHTMLDocument('t');
    doc.body.innerHTML = '<h1>锟斤拷锟斤拷之锟斤拷</h1><p>发布机构：某县\uFFFD\uFFFD局</p>';
    expect(takeSnapshot(doc, 'http://www.example.gov.cn/a.html').truncation).toContainEqual({
      part: 'garbled',
      kept: 5,
    });
    doc.body.innerHTML = '<h1>某县财政局</h1><p>发布机构：某县财政局</p>';
    expect(takeSnapshot(doc, 'http://www.example.gov.cn/a.html').truncation).toEqual([]);
  });

  it('takes no field from text the markup hides (a display:none row of window hours), while the privacy scan still reads it', () => {
    const { s } = snap(`<table><tr><td>事项名称</td><td>集体土地房屋拆迁许可</td></tr>
      <tr style="DISPLAY: none"><td colspan="2">综合服务大厅窗口办公时间为：周一至周五 身份证号 350123199001011234</td></tr></table>
      <div hidden><p>咨询电话：0591-12345678</p></div><p>监督电话：0591-87654321</p>`);
    expect(pairs(s)).toEqual([
      ['事项名称', '集体土地房屋拆迁许可'],
      ['监督电话', '0591-87654321'],
    ]);
    expect(s.textBlocks.some((b) => b.text.includes('350123199001011234'))).toBe(true);
  });

  it('is plain serialisable data', () => {
    const { s } = snap('<h1>标题</h1><p>发布日期：2026年11月1日</p>');
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s.publishInfo?.date).toBe('2026-11-01');
  });
});
