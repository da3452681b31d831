/**
 * Manifest of the demo portal (`demo-portal/site/`, served by `server.ts`): what a careful
 * inspector sees on each page. Tests and the e2e walk read it; `server.test.ts` proves it matches
 * the served HTML (title, breadcrumb, 发展指引 meta tags, charset).
 *
 * Values that depend on the date (titles such as 罗源县2026年10月财政收支情况, PubDate meta) are
 * written with the same `{{date:…}}` tokens as the HTML; `resolveDemoPage(page, now)` expands them
 * for a given `now` (the one the server was started with).
 */
import { expandDateTokens } from './date-tokens.ts';

export type DemoPageKind = 'home' | 'section' | 'list' | 'detail';

export interface DemoPage {
  /** Path on the demo server. Detail pages are listed by their canonical file path; list pages
   * often link them through TRS-style dated URLs (`/<column>/YYYYMM/tYYYYMMDD_<id>.html`), which
   * the server maps to the same file. */
  path: string;
  /** The page's <title> (may contain date tokens). */
  title: string;
  kind: DemoPageKind;
  /** The column a careful inspector would give, in simplified characters ('首页' for the home page). */
  column: string;
  /** Breadcrumb segments after the prefix (当前位置： etc.), as they appear; null when the page has none. */
  breadcrumb: string[] | null;
  charset: 'utf-8' | 'gbk';
  script: 'simplified' | 'traditional';
  /** The 《政府网站发展指引》 meta tags the page carries (SiteName … ContentSource), name → content; {} when none. */
  meta: Record<string, string>;
  /** Visited by the headless demo walk. */
  walk: boolean;
  /** What is special about the page. */
  notes: string;
}

/** The meta tag names of 《政府网站发展指引》 (国办发〔2017〕47号) recorded in `DemoPage.meta`. */
export const GUIDELINE_META_NAMES = [
  'SiteName',
  'SiteDomain',
  'SiteIDCode',
  'ColumnName',
  'ColumnDescription',
  'ColumnKeywords',
  'ColumnType',
  'ArticleTitle',
  'PubDate',
  'ContentSource',
] as const;

export const DEMO_SITE = {
  name: '中国罗源湾',
  domain: 'www.luoyuan.gov.cn',
  idCode: '3501230001',
  /** The fictional person's ID number published unmasked on /zwgk/xzcf/4004.html (valid GB 11643 check digit). */
  unmaskedIdNumber: '350123198503121530',
  unmaskedMobile: '13800138000',
} as const;

const SITE: Record<string, string> = {
  SiteName: DEMO_SITE.name,
  SiteDomain: DEMO_SITE.domain,
  SiteIDCode: DEMO_SITE.idCode,
};

function col(name: string, description: string, keywords: string, type: string): Record<string, string> {
  return { ...SITE, ColumnName: name, ColumnDescription: description, ColumnKeywords: keywords, ColumnType: type };
}

function art(column: string, title: string, pubDate: string, source: string): Record<string, string> {
  return { ...SITE, ColumnName: column, ArticleTitle: title, PubDate: pubDate, ContentSource: source };
}

const T = '_中国罗源湾';

const BC_ZWGK = ['首页', '政务公开'];
const BC_XWZX = ['首页', '新闻中心'];
const BC_BSFW = ['首页', '办事服务'];

interface PageInput {
  path: string;
  title: string;
  kind: DemoPageKind;
  column: string;
  breadcrumb: string[] | null;
  meta: Record<string, string>;
  notes: string;
  walk?: boolean;
  charset?: 'utf-8' | 'gbk';
  script?: 'simplified' | 'traditional';
}

function page(p: PageInput): DemoPage {
  return {
    path: p.path,
    title: p.title,
    kind: p.kind,
    column: p.column,
    breadcrumb: p.breadcrumb,
    charset: p.charset ?? 'utf-8',
    script: p.script ?? 'simplified',
    meta: p.meta,
    walk: p.walk ?? false,
    notes: p.notes,
  };
}

/** A list page of a 政务公开 column: breadcrumb 首页 > 政务公开 > <name> (style given in notes). */
function zwgkList(dir: string, name: string, meta: Record<string, string>, notes: string, walk = false): DemoPage {
  return page({
    path: `/zwgk/${dir}/index.html`,
    title: name + T,
    kind: 'list',
    column: name,
    breadcrumb: [...BC_ZWGK, name],
    meta,
    notes,
    walk,
  });
}

function detail(
  path: string,
  h1: string,
  column: string,
  breadcrumb: string[] | null,
  meta: Record<string, string>,
  notes: string,
  walk = false,
): DemoPage {
  return page({ path, title: h1 + T, kind: 'detail', column, breadcrumb, meta, notes, walk });
}

const gzdtBc = [...BC_XWZX, '工作动态'];
const tzggBc = [...BC_XWZX, '通知公告'];
const czszBc = [...BC_ZWGK, '财政收支', '正文'];
const yjsgkBc = [...BC_ZWGK, '预决算公开'];
const jghsfBc = [...BC_ZWGK, '价格和收费'];
const sjjgBc = [...BC_ZWGK, '审计结果公开'];
const gyqyBc = [...BC_ZWGK, '国有企业'];
const tablBc = [...BC_ZWGK, '提案办理'];
const xwfbhBc = [...BC_ZWGK, '新闻发布会'];
const xzcfBc = [...BC_ZWGK, '双公示', '行政处罚'];
const bsznBc = [...BC_BSFW, '办事指南'];
const zdxxBc = [...BC_ZWGK, '征地信息'];
const zcjdBc = [...BC_ZWGK, '政策解读'];
const gfxwjBc = [...BC_ZWGK, '规范性文件'];
const ysqgkBc = [...BC_ZWGK, '依申请公开'];

const FRESH = 'fresh';

export const demoPages: DemoPage[] = [
  // ── home and sections ────────────────────────────────────────────────────────────────
  page({
    path: '/',
    title: '中国罗源湾',
    kind: 'home',
    column: '首页',
    breadcrumb: null,
    meta: SITE,
    walk: true,
    notes:
      'home: 发展指引 site meta (SiteName/SiteDomain/SiteIDCode); 罗源要闻 and 通知公告 blocks with MM-DD dates; links to every column; footer with 网站标识码 3501230001 and 备案号',
  }),
  page({
    path: '/zwgk/index.html',
    title: `政务公开${T}`,
    kind: 'section',
    column: '政务公开',
    breadcrumb: BC_ZWGK,
    meta: col('政务公开', '罗源县政务公开专栏，集中发布法定主动公开内容', '政务公开,政府信息公开,罗源县', '政务公开'),
    notes: '政务公开 section: links every 政务公开 column (no dated items)',
  }),
  page({
    path: '/xwzx/index.html',
    title: `新闻中心${T}`,
    kind: 'section',
    column: '新闻中心',
    breadcrumb: BC_XWZX,
    meta: SITE,
    notes: 'section; breadcrumb 您现在的位置：首页 >> 新闻中心; relative links (gzdt/…, tzgg/…)',
  }),
  page({
    path: '/bsfw/index.html',
    title: `办事服务${T}`,
    kind: 'section',
    column: '办事服务',
    breadcrumb: BC_BSFW,
    meta: SITE,
    notes: 'section; breadcrumb 您当前所在位置：首页 -> 办事服务',
  }),
  page({
    path: '/hdjl/index.html',
    title: `互动交流${T}`,
    kind: 'section',
    column: '互动交流',
    breadcrumb: ['首页', '互动交流'],
    meta: SITE,
    notes: 'section placeholder (县长信箱 not open on the demo)',
  }),
  page({
    path: '/zjly/index.html',
    title: `走进罗源${T}`,
    kind: 'detail',
    column: '走进罗源',
    breadcrumb: ['首页', '走进罗源'],
    meta: SITE,
    notes: 'nav target 走进罗源: a single 罗源概况 article, no publication date',
  }),

  // ── 工作动态 (news) ────────────────────────────────────────────────────────────────────
  page({
    path: '/xwzx/gzdt/index.html',
    title: `工作动态${T}`,
    kind: 'list',
    column: '工作动态',
    breadcrumb: gzdtBc,
    meta: col('工作动态', '罗源县政府及各部门、各乡镇工作动态', '工作动态,罗源要闻,政务动态', '动态要闻'),
    notes: `${FRESH} (-1d … -25d); dates YYYY-MM-DD; breadcrumb 您现在的位置：首页 >> 新闻中心 >> 工作动态; createPageHTML(5, 0, "index", "html"); dated item URLs`,
  }),
  detail(
    '/xwzx/gzdt/1101.html',
    '罗源县召开安全生产工作专题会议',
    '工作动态',
    gzdtBc,
    art('工作动态', '罗源县召开安全生产工作专题会议', '{{date:-1d}} 09:30', '县应急管理局'),
    'detail meta tags (ColumnName, ArticleTitle, PubDate, ContentSource); 发布时间 -1d with time; listed at /xwzx/gzdt/YYYYMM/tYYYYMMDD_1101.html',
    true,
  ),
  detail(
    '/xwzx/gzdt/1102.html',
    '罗源湾开发区重点项目建设推进会召开',
    '工作动态',
    gzdtBc,
    art('工作动态', '罗源湾开发区重点项目建设推进会召开', '{{date:-3d}} 16:05', '罗源湾开发区管委会'),
    'news detail, -3d',
  ),
  detail(
    '/xwzx/gzdt/1103.html',
    '县领导督导检查12345便民服务热线办理工作',
    '工作动态',
    gzdtBc,
    art('工作动态', '县领导督导检查12345便民服务热线办理工作', '{{date:-6d}} 11:20', '县政府办公室'),
    'news detail, -6d; "12345" hotline is not a phone-number leak',
  ),
  detail(
    '/xwzx/gzdt/1104.html',
    '罗源县举办{{date:-12d|YYYY}}年度政务公开业务培训',
    '工作动态',
    gzdtBc,
    art('工作动态', '罗源县举办{{date:-12d|YYYY}}年度政务公开业务培训', '{{date:-12d}} 15:40', '县政府办公室'),
    'news detail, -12d; body names the usual website problems (mentions, not findings)',
  ),
  detail(
    '/xwzx/gzdt/1105.html',
    '起步镇举办农村实用技术培训班',
    '工作动态',
    gzdtBc,
    art('工作动态', '起步镇举办农村实用技术培训班', '{{date:-25d}} 10:00', '起步镇人民政府'),
    'news detail, -25d',
  ),

  // ── 通知公告 ──────────────────────────────────────────────────────────────────────────
  page({
    path: '/xwzx/tzgg/index.html',
    title: `通知公告${T}`,
    kind: 'list',
    column: '通知公告',
    breadcrumb: tzggBc,
    meta: col('通知公告', '罗源县人民政府及其部门发布的通知、公告、通告', '通知公告,公告,通告', '通知公告'),
    notes: `${FRESH} (-6d latest; one item from 2021); dates [YYYY-MM-DD]; createPageHTML(5, 0, "index", "html")`,
  }),
  detail(
    '/xwzx/tzgg/1201.html',
    '关于开展政府网站和政务新媒体自查整改工作的通知',
    '通知公告',
    tzggBc,
    SITE,
    'notice, -6d; site meta only',
  ),
  detail(
    '/xwzx/tzgg/1202.html',
    '罗源县{{date:-20d|YYYY}}年公开招聘社区工作者公告',
    '通知公告',
    tzggBc,
    art('通知公告', '罗源县{{date:-20d|YYYY}}年公开招聘社区工作者公告', '{{date:-20d}} 17:12', '县委组织部'),
    'notice, -20d; 附件 .xls (报名表)',
  ),
  detail(
    '/xwzx/tzgg/1203.html',
    '关于调整县政务服务中心周末延时服务时间的通告',
    '通知公告',
    tzggBc,
    SITE,
    'notice, -50d',
  ),
  page({
    path: '/xwzx/tzgg/1204.html',
    title: '关于中国罗源湾网站改版上线的公告',
    kind: 'detail',
    column: '通知公告',
    breadcrumb: null,
    meta: {},
    notes:
      'old table layout: NO meta tags at all (not even a charset meta; charset from the HTTP header), NO breadcrumb, title without site suffix; 发布日期：2021-05-10 信息来源：…; body in td#zoom',
  }),

  // ── frames: an old system page whose content sits in an iframe ────────────────────────────
  page({
    path: '/zwgk/kjxx/index.html',
    title: '行政处罚结果公示（旧版框架页）_中国罗源湾',
    kind: 'detail',
    column: '行政处罚',
    breadcrumb: ['首页', '政务公开', '行政处罚'],
    meta: {},
    notes:
      'frames: a penalty decision in a same-origin iframe (read as part of the page; 4 elements present) and a sandboxed iframe (opaque origin: cannot be read, must be reported)',
  }),

  // ── 计划规划: the county plan itself, published as a table (import a plan from a portal page) ────────
  page({
    path: '/zwgk/ghjh/1801.html',
    title: '罗源县2017年政務公開工作实施方案 及主要任务分解表 - 中国罗源湾',
    kind: 'detail',
    column: '计划规划',
    breadcrumb: ['首页', '政府信息公开', '计划规划'],
    meta: {
      SiteName: '中国罗源湾',
      ColumnName: '计划规划',
      ArticleTitle: '罗源县2017年政務公開工作实施方案 及主要任务分解表',
      PubDate: '2017-06-01 15:44',
      ContentSource: '羅源政府辦',
    },
    notes:
      'the plan as a portal publishes it: an excerpt of the task table with rowspans (also the plan-import fixture of lib/plan, lib/storage and the e2e tests); mixes traditional and simplified characters',
  }),

  // ── 财政收支 ──────────────────────────────────────────────────────────────────────────
  zwgkList(
    'czsz',
    '财政收支',
    col('财政收支', '按月公开罗源县一般公共预算收支执行情况', '财政收支,财政预算执行,月报', '财政信息'),
    `${FRESH} monthly (-10d, -40d, -70d); dates YYYY-MM-DD; breadcrumb 当前位置：首页 > 政务公开 > 财政收支; dated item URLs`,
    true,
  ),
  detail(
    '/zwgk/czsz/2101.html',
    '罗源县{{date:-1m-10d|YYYY年M月}}财政收支情况',
    '财政收支',
    czszBc,
    SITE,
    'monthly report, -10d; breadcrumb ends with 正文; 附件 .pdf; 发布时间/来源 line',
  ),
  detail(
    '/zwgk/czsz/2102.html',
    '罗源县{{date:-1m-40d|YYYY年M月}}财政收支情况',
    '财政收支',
    czszBc,
    SITE,
    'monthly report, -40d',
  ),
  detail(
    '/zwgk/czsz/2103.html',
    '罗源县{{date:-1m-70d|YYYY年M月}}财政收支情况',
    '财政收支',
    czszBc,
    SITE,
    'monthly report, -70d',
  ),

  // ── 预决算公开 ────────────────────────────────────────────────────────────────────────
  zwgkList(
    'yjsgk',
    '预决算公开',
    col('预决算公开统一平台', '罗源县本级及各部门预算、决算和“三公”经费公开', '预算公开,决算公开,三公经费', '预决算'),
    'dates YYYY年M月D日 (-3m latest); ColumnName 预决算公开统一平台 differs from the breadcrumb 预决算公开',
  ),
  detail(
    '/zwgk/yjsgk/2201.html',
    '罗源县{{date:-1y-3m|YYYY}}年县级决算公开',
    '预决算公开',
    yjsgkBc,
    SITE,
    'final accounts, -3m',
  ),
  detail(
    '/zwgk/yjsgk/2202.html',
    '罗源县{{date:-10m|YYYY}}年县级预算公开',
    '预决算公开',
    yjsgkBc,
    SITE,
    'budget, -10m; 附件 .xls',
  ),
  detail(
    '/zwgk/yjsgk/2203.html',
    '罗源县财政局{{date:-10m-2d|YYYY}}年部门预算公开',
    '预决算公开',
    yjsgkBc,
    SITE,
    'department budget, -10m-2d',
  ),

  // ── 价格和收费 (stale, no column meta) ───────────────────────────────────────────────
  zwgkList(
    'jghsf',
    '价格和收费',
    SITE,
    'STALE column: newest item -14m (then -20m, -26m); dates [YYYY-MM-DD]; NO column meta (site meta only)',
    true,
  ),
  detail(
    '/zwgk/jghsf/2301.html',
    '罗源县行政事业性收费项目目录清单',
    '价格和收费',
    jghsfBc,
    SITE,
    'stale, -14m; 附件 .xls',
  ),
  detail(
    '/zwgk/jghsf/2302.html',
    '关于核定罗源县城区管道天然气销售价格的通知',
    '价格和收费',
    jghsfBc,
    SITE,
    'stale, -20m',
  ),
  detail('/zwgk/jghsf/2303.html', '罗源县定价目录（公示稿）', '价格和收费', jghsfBc, SITE, 'stale, -26m'),

  // ── 审计结果公开 ──────────────────────────────────────────────────────────────────────
  zwgkList(
    'sjjggk',
    '审计结果公开',
    col('审计结果公开专栏', '罗源县审计局审计结果公告及审计整改情况', '审计结果,审计公告,审计整改', '审计'),
    'dates YYYY-MM-DD (-2m, -13m, 2024-08-15); ColumnName 审计结果公开专栏; list titles simplified, the newest detail is traditional',
  ),
  page({
    path: '/zwgk/sjjggk/2401.html',
    title: '羅源縣審計局關於{{date:-1y-2m|YYYY}}年度縣級預算執行和其他財政收支情況的審計結果公告_中國羅源灣',
    kind: 'detail',
    column: '审计结果公开',
    breadcrumb: ['首頁', '政務公開', '審計結果公開'],
    meta: { ...SITE, ColumnName: '審計結果公開' },
    script: 'traditional',
    walk: true,
    notes:
      'TRADITIONAL characters throughout (own 繁體 header/footer, 網站標識碼); breadcrumb 當前位置：首頁 ＞ 政務公開 ＞ 審計結果公開; ColumnName in traditional (審計結果公開); 發布時間/來源 line; 附件 .pdf',
  }),
  detail(
    '/zwgk/sjjggk/2402.html',
    '罗源县{{date:-2y-1m|YYYY}}年度县级预算执行审计查出问题整改情况的公告',
    '审计结果公开',
    sjjgBc,
    SITE,
    'audit rectification, -13m',
  ),
  detail(
    '/zwgk/sjjggk/2403.html',
    '罗源县审计局关于县民政局原主要负责人任期经济责任审计结果公告',
    '审计结果公开',
    sjjgBc,
    SITE,
    'fixed old date 2024-08-15',
  ),

  // ── 国有企业 (breadcrumb without prefix) ─────────────────────────────────────────────
  zwgkList(
    'gyqy',
    '国有企业',
    col(
      '国有企业',
      '县属国有企业主要财务指标、经营情况、负责人薪酬等信息',
      '国有企业,国企信息公开,国有资产',
      '信息公开',
    ),
    'breadcrumb with NO prefix: 首页 > 政务公开 > 国有企业; dates YYYY-MM-DD (-1m, -4m, -7m)',
    true,
  ),
  detail(
    '/zwgk/gyqy/2501.html',
    '罗源县县属国有企业主要财务指标（{{date:-2m|YYYY年M月}}）',
    '国有企业',
    gyqyBc,
    SITE,
    'monthly indicators, -1m; no breadcrumb prefix',
  ),
  detail(
    '/zwgk/gyqy/2502.html',
    '罗源县国有资产投资控股集团有限公司{{date:-1y-4m|YYYY}}年度财务审计报告摘要',
    '国有企业',
    gyqyBc,
    SITE,
    '-4m',
  ),
  detail(
    '/zwgk/gyqy/2503.html',
    '罗源县县属国有企业负责人{{date:-1y-7m|YYYY}}年度薪酬信息公开',
    '国有企业',
    gyqyBc,
    SITE,
    '-7m',
  ),

  // ── 提案办理 ──────────────────────────────────────────────────────────────────────────
  zwgkList(
    'tabl',
    '提案办理',
    col('提案办理', '人大代表建议和政协提案办理复文', '建议提案,提案办理,建议答复', '建议提案'),
    'dates YYYY年M月D日 (-2m, -2m-5d, -14m)',
    true,
  ),
  detail(
    '/zwgk/tabl/2601.html',
    '关于县政协十届五次会议第{{date:-2m|YYYY}}032号提案的答复',
    '提案办理',
    tablBc,
    SITE,
    'proposal reply, -2m; 联系电话 is an office landline',
  ),
  detail(
    '/zwgk/tabl/2602.html',
    '关于县十八届人大五次会议第15号建议的答复',
    '提案办理',
    tablBc,
    SITE,
    'suggestion reply, -2m-5d',
  ),
  detail(
    '/zwgk/tabl/2603.html',
    '罗源县人民政府关于{{date:-2y-2m|YYYY}}年度人大代表建议和政协提案办理工作情况的通报',
    '提案办理',
    tablBc,
    SITE,
    'annual summary, -14m',
  ),

  // ── 新闻发布会 ────────────────────────────────────────────────────────────────────────
  zwgkList(
    'xwfbh',
    '新闻发布会',
    col('新闻发布会', '罗源县人民政府新闻发布会专题专栏', '新闻发布会,发布实录,政策发布', '新闻发布'),
    'dates [YYYY-MM-DD] (-5d, -40d, -4m); dated item URLs',
    true,
  ),
  detail(
    '/zwgk/xwfbh/2701.html',
    '罗源县优化营商环境专场新闻发布会',
    '新闻发布会',
    xwfbhBc,
    art('新闻发布会', '罗源县优化营商环境专场新闻发布会', '{{date:-5d}} 15:00', '县政府新闻办'),
    'press conference, -5d; detail meta tags; 发布时间/地点/发布人',
  ),
  detail('/zwgk/xwfbh/2702.html', '罗源县医疗保障惠民政策新闻发布会', '新闻发布会', xwfbhBc, SITE, '-40d'),
  detail('/zwgk/xwfbh/2703.html', '罗源县全域旅游发展新闻发布会', '新闻发布会', xwfbhBc, SITE, '-4m'),

  // ── 行政处罚 (双公示) ────────────────────────────────────────────────────────────────
  page({
    path: '/zwgk/xzcf/index.html',
    title: `行政处罚${T}`,
    kind: 'list',
    column: '行政处罚',
    breadcrumb: xzcfBc,
    meta: col('行政处罚', '双公示：行政处罚决定信息', '双公示,行政处罚,处罚决定', '双公示'),
    notes: `${FRESH} (-2d … -20d); breadcrumb 所在位置 首页 » 政务公开 » 双公示 » 行政处罚 (no colon after the prefix); createPageHTML(5, 0, "index", "html"); dated item URLs`,
  }),
  detail(
    '/zwgk/xzcf/4001.html',
    '罗源县市场监督管理局行政处罚决定书（罗市监处罚〔{{date:-2d|YYYY}}〕118号）',
    '行政处罚',
    xzcfBc,
    art(
      '行政处罚',
      '罗源县市场监督管理局行政处罚决定书（罗市监处罚〔{{date:-2d|YYYY}}〕118号）',
      '{{date:-2d}} 10:12',
      '罗源县市场监督管理局',
    ),
    'COMPLETE penalty, label/value table with the plan names: 被处罚者的名称 / 违法事实 / 处罚依据 / 处罚结果; company party (统一社会信用代码, not an ID number); decided -5d, published -2d',
  ),
  detail(
    '/zwgk/xzcf/4002.html',
    '罗源县生态环境局行政处罚决定书（罗环罚〔{{date:-4d|YYYY}}〕21号）',
    '行政处罚',
    xzcfBc,
    SITE,
    'COMPLETE penalty written as a 决定书 in prose with SYNONYMS: 当事人 (=被处罚者的名称), 案由 (=违法事实), 处罚依据, 处罚决定 (=处罚结果); decided -8d, published -4d',
  ),
  detail(
    '/zwgk/xzcf/4003.html',
    '罗源县交通运输局行政处罚决定信息公示（罗交罚〔{{date:-6d|YYYY}}〕45号）',
    '行政处罚',
    xzcfBc,
    SITE,
    'INCOMPLETE penalty: missing 处罚依据 (the word 依据 appears nowhere on the page); has 被处罚者的名称, 违法事实, 处罚结果',
  ),
  detail(
    '/zwgk/xzcf/4004.html',
    '罗源县海洋与渔业局行政处罚决定书（罗海渔罚〔{{date:-9d|YYYY}}〕7号）',
    '行政处罚',
    xzcfBc,
    SITE,
    'PRIVACY LEAK: unmasked 身份证号码 350123198503121530 (valid GB 11643 check digit; fictional person 陈志明, 被处罚人) and mobile 13800138000; otherwise complete (被处罚人 = 被处罚者的名称)',
    true,
  ),
  detail(
    '/zwgk/xzcf/4005.html',
    '罗源县城市管理和综合执法局行政处罚决定书（罗城管罚〔{{date:-20d|YYYY}}〕33号）',
    '行政处罚',
    xzcfBc,
    SITE,
    'properly MASKED personal data: 身份证号码 350123********1234, 联系电话 138****8000, name 林某某; complete',
  ),

  // ── 办事指南 ──────────────────────────────────────────────────────────────────────────
  page({
    path: '/bsfw/bszn/index.html',
    title: `办事指南${T}`,
    kind: 'list',
    column: '办事指南',
    breadcrumb: bsznBc,
    meta: col('办事指南', '罗源县政务服务事项办事指南', '办事指南,政务服务,审批服务', '办事服务'),
    notes: 'breadcrumb 您当前所在位置：首页 -> 办事服务 -> 办事指南; dates YYYY-MM-DD (-1m …)',
  }),
  detail(
    '/bsfw/bszn/5001.html',
    '个体工商户设立登记办事指南',
    '办事指南',
    bsznBc,
    art('办事指南', '个体工商户设立登记办事指南', '{{date:-1m}} 08:45', '罗源县市场监督管理局'),
    'COMPLETE 办事指南: all 22 elements of plan row 15 as label/value rows (exact plan names); 申请材料 is a nested table with the 9 material attributes (3 materials); 结果样本 and 材料样本 link .pdf files',
  ),
  detail(
    '/bsfw/bszn/5002.html',
    '城乡居民基本养老保险参保登记办事指南',
    '办事指南',
    bsznBc,
    SITE,
    'INCOMPLETE 办事指南: missing 网上支付, 物流快递, 监督电话 (no synonym either); 收费依据 present but EMPTY cell; the other 18 elements present; 申请材料 table has all 9 attributes',
    true,
  ),
  detail(
    '/bsfw/bszn/5003.html',
    '居住证办理办事指南',
    '办事指南',
    bsznBc,
    SITE,
    'labels carry PINYIN annotations, e.g. 事(shi)项(xiang)名(ming)称(cheng); present: 事项名称, 实施机构, 设定依据, 法定办结时限, 承诺办结时限, 收费标准, 申请材料 (plain text, no table), 办理地点, 办理时间, 咨询电话; the other 12 are missing',
  ),

  // ── 征地信息 (MM-DD dates, year only in the URL) ─────────────────────────────────────
  zwgkList(
    'zdxx',
    '征地信息',
    SITE,
    'dates MM-DD only, the year is only in the item URL (/zwgk/zdxx/YYYYMM/tYYYYMMDD_<id>.html); one item is -13m (previous year, usually); breadcrumb 首页 / 政务公开 / 征地信息 (no prefix); NO column meta',
    true,
  ),
  detail(
    '/zwgk/zdxx/2801.html',
    '罗源县{{date:-10d|YYYY}}年度第十批次城镇建设用地征收土地预公告',
    '征地信息',
    zdxxBc,
    SITE,
    'land acquisition pre-announcement, -10d',
  ),
  detail('/zwgk/zdxx/2802.html', '罗源县松山镇征地补偿安置方案公告', '征地信息', zdxxBc, SITE, '-25d'),
  detail('/zwgk/zdxx/2803.html', '罗源县征收土地公告（第三批次）', '征地信息', zdxxBc, SITE, '-13m'),

  // ── 棚户区改造 (blank) ───────────────────────────────────────────────────────────────
  zwgkList(
    'phqgz',
    '棚户区改造',
    col('棚户区改造', '棚户区改造计划、用地计划、项目建设进度及分配结果', '棚户区改造,棚改,保障性安居工程', '重点领域'),
    'BLANK column: an empty list and 暂无信息',
    true,
  ),

  // ── 政策解读 / 规范性文件 (TRS breadcrumbs) ──────────────────────────────────────────
  zwgkList(
    'zcjd',
    '政策解读',
    col('政策解读', '罗源县政策文件解读、图文解读', '政策解读,图解,文件解读', '政策文件'),
    'TRS breadcrumb: 当前位置：<a class="CurrChnlCls">首页</a>&nbsp;&gt;&nbsp;…; dated item URLs',
  ),
  detail(
    '/zwgk/zcjd/7001.html',
    '《罗源县城区公共停车场管理办法》政策解读',
    '政策解读',
    zcjdBc,
    SITE,
    '解读 of /zwgk/gfxwj/6001.html, published the same day (-7d, 三同步); links back to the document (原文链接); TRS CurrChnlCls breadcrumb',
    true,
  ),
  detail(
    '/zwgk/zcjd/7002.html',
    '图文解读：罗源县惠企政策“免申即享”清单',
    '政策解读',
    zcjdBc,
    SITE,
    '解读 without a linked document, -2m',
  ),
  zwgkList(
    'gfxwj',
    '规范性文件',
    col('规范性文件', '罗源县人民政府及办公室规范性文件', '规范性文件,罗政规,政策文件', '政策文件'),
    'TRS CurrChnlCls breadcrumb; one valid (-7d) and one abolished (2019-03-12) document',
  ),
  detail(
    '/zwgk/gfxwj/6001.html',
    '罗源县人民政府关于印发罗源县城区公共停车场管理办法的通知',
    '规范性文件',
    gfxwjBc,
    art(
      '规范性文件',
      '罗源县人民政府关于印发罗源县城区公共停车场管理办法的通知',
      '{{date:-7d}} 17:30',
      '罗源县人民政府',
    ),
    '信息公开 METADATA block (索 引 号 / 分　　类 / 发布机构 / 生成日期 / 标　　题 / 文　　号 / 主 题 词 / 有 效 性 / 内容概述, U+3000 padding); 有效性 有效; 相关解读 link to /zwgk/zcjd/7001.html; abolishes 6002; detail meta tags',
    true,
  ),
  detail(
    '/zwgk/gfxwj/6002.html',
    '罗源县人民政府关于印发罗源县城区占道停车收费管理暂行办法的通知',
    '规范性文件',
    gfxwjBc,
    SITE,
    'ABOLISHED document: 有效性 已废止 in the metadata block plus a 【该文件已废止】 notice linking to 6001; fixed date 2019-03-12',
  ),

  // ── 依申请公开 ────────────────────────────────────────────────────────────────────────
  zwgkList(
    'ysqgk',
    '依申请公开',
    col('依申请公开', '政府信息公开指南、申请表及年度报告', '依申请公开,政府信息公开指南,申请表', '信息公开'),
    'dates YYYY年M月D日 (-10m)',
  ),
  page({
    path: '/zwgk/ysqgk/2901.html',
    title: `罗源县人民政府信息公开指南${T}`,
    kind: 'detail',
    column: '依申请公开',
    breadcrumb: ysqgkBc,
    meta: SITE,
    charset: 'gbk',
    walk: true,
    notes:
      'served as GBK bytes (Content-Type: text/html; charset=gbk; <meta http-equiv="Content-Type" content="text/html; charset=gb2312">); 附件 link with a Chinese file name (percent-encoded by the browser)',
  }),
  detail(
    '/zwgk/ysqgk/2902.html',
    '罗源县政府信息公开申请表',
    '依申请公开',
    ysqgkBc,
    SITE,
    '附件 .xls (Chinese file name) and .pdf',
  ),
  detail(
    '/zwgk/ysqgk/2903.html',
    '罗源县人民政府{{date:-1y-10m|YYYY}}年政府信息公开工作年度报告',
    '依申请公开',
    ysqgkBc,
    SITE,
    'annual report, -10m',
  ),
];

/** A copy of `page` with every date token expanded for `now`. */
export function resolveDemoPage(page: DemoPage, now: Date): DemoPage {
  const x = (s: string): string => expandDateTokens(s, now);
  return {
    ...page,
    path: x(page.path),
    title: x(page.title),
    column: x(page.column),
    breadcrumb: page.breadcrumb === null ? null : page.breadcrumb.map(x),
    meta: Object.fromEntries(Object.entries(page.meta).map(([k, v]) => [k, x(v)])),
  };
}

/** The pages the headless demo walk visits. */
export const demoWalk: DemoPage[] = demoPages.filter((p) => p.walk);
