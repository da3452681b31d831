/**
 * The matcher on whole locations: breadcrumbs read nearest first, containers and organisation names skipped, kinds of
 * column no task governs answered with "no task", the head of a compound deciding, URL folders, and any plan — not only
 * the bundled one — linked through its own words.
 */
import { describe, expect, it } from 'vitest';
import { luoyuan2017 } from '../../seeds/index';
import type { Plan, Task } from '../plan/model';
import { locationFromText } from './column';
import { matchLocation, matchTasks, noTaskReason } from './match-tasks';

const nos = (text: string, plan: Plan = luoyuan2017) => matchTasks(plan, text).map((m) => m.no);

/** A plan of another county, written in its own words (titles and requirements only). */
function otherCounty(rows: Array<[string, string, string]>): Plan {
  const base = luoyuan2017.tasks[0]!;
  const tasks: Task[] = rows.map(([no, title, requirements], i) => ({
    ...base,
    id: `other-2024/t${no}`,
    seq: i + 1,
    no,
    title,
    titleNormalized: title,
    requirements,
    columns: [],
    keywords: [],
    elements: [],
  }));
  return { ...luoyuan2017, id: 'other-2024', tasks };
}

describe('reading the whole location', () => {
  it('reads a breadcrumb from its end and skips containers', () => {
    expect(nos('首页 > 政务公开 > 法定主动公开内容 > 统计数据')[0]).toBe('3');
    expect(nos('您当前位置:首页>>信息公开>>财政预决算')[0]).toBe('26');
    expect(locationFromText('首页 > 政务公开 > 财政预决算').map((s) => s.text)).toEqual(['财政预决算', '政务公开']);
  });

  it('skips the name of the organisation running the site', () => {
    expect(nos('首页 > 信息公开 > 某某市生态环境局 > 人事信息')).toEqual([]);
    expect(nos('首页 > 信息公开 > 某某市生态环境局 > 环境质量')[0]).toBe('34');
  });

  it('falls back to the parent when the nearest segment names nothing known', () => {
    expect(nos('重大建设项目批准和实施 > 批准结果信息')[0]).toBe('10');
  });

  it('answers "no task" for kinds of column no task governs, without looking further up', () => {
    for (const text of [
      '首页 > 信息 > 人事信息',
      '财政预决算 > 政府信息公开年报',
      '社会救助 > 工作动态',
      '领导信息',
      '机构职能',
      '规划计划',
      '通知公告',
      '养老服务',
    ])
      expect(nos(text), text).toEqual([]);
    const location = locationFromText('首页 > 信息 > 人事信息');
    const m = matchLocation(luoyuan2017, location);
    expect(m.ungoverned).toBe(true);
    expect(noTaskReason(m, location)).toEqual({ key: 'matchNoTaskUngoverned', args: ['人事信息', '人事信息'] });
  });

  it('lets the head word of a compound decide, and form words defer to the subject', () => {
    expect(nos('国企招聘')).toEqual([]);
    expect(nos('教育新闻')).toEqual([]);
    expect(nos('审计公告')[0]).toBe('4');
    expect(nos('土地供应计划')[0]).toBe('46');
  });

  it('understands abbreviations and traditional script', () => {
    expect(nos('三公经费')[0]).toBe('26');
    expect(nos('預算決算')[0]).toBe('26');
    expect(nos('双公示').slice(0, 3)).toEqual(['15', '39', '42']);
  });

  it('reads URL folders when the page names nothing else', () => {
    const m = matchLocation(luoyuan2017, locationFromText('http://www.example.gov.cn/zwgk/czyjs/index.html'));
    expect(m.tasks[0]?.no).toBe('26');
  });

  it('says why nothing matched when the name is unknown', () => {
    const location = locationFromText('某某特色栏目');
    const m = matchLocation(luoyuan2017, location);
    expect(m.tasks).toEqual([]);
    expect(noTaskReason(m, location)?.key).toBe('matchNoTaskUnknown');
  });
});

describe('any plan is linked through its own words', () => {
  const plan = otherCounty([
    ['1', '做好财政资金信息公开', '全面公开政府预算、部门预算和“三公”经费。'],
    ['2', '推进行政执法“三项制度”信息公开', '公开行政处罚、行政许可决定。'],
    ['3', '做好政府信息公开工作年度报告编制发布工作', '按时发布年度报告。'],
    ['4', '加强政策解读', '重要政策文件与解读材料同步发布。'],
  ]);

  it('proposes the other county’s tasks for the national column names', () => {
    expect(nos('部门预决算', plan)[0]).toBe('1');
    expect(nos('行政处罚', plan)[0]).toBe('2');
    expect(nos('政策解读', plan)[0]).toBe('4');
  });

  it('links a kind of column plans rarely govern only when a task is about it', () => {
    expect(nos('政府信息公开年报', plan)).toEqual(['3']);
    expect(nos('政府信息公开年报')).toEqual([]);
  });
});

describe('the county’s local column names', () => {
  it('teach the matcher a name the lexicon does not know, with a reason saying so', () => {
    expect(nos('阳光账本')).toEqual([]);
    const aliases = [{ name: '陽光賬本', conceptId: 'budget' }];
    const [first] = matchTasks(luoyuan2017, '首页 > 阳光账本', { aliases });
    expect(first?.no).toBe('26');
    expect(first?.reasons[0]).toEqual({ key: 'matchReasonAlias', args: ['阳光账本', '财政预决算'] });
  });

  it('ignore an alias naming a concept the lexicon does not have', () => {
    expect(matchTasks(luoyuan2017, '阳光账本', { aliases: [{ name: '阳光账本', conceptId: 'no-such' }] })).toEqual([]);
  });
});

describe('why there is no task', () => {
  it('says a container only groups columns', () => {
    const location = locationFromText('首页 > 政务公开');
    expect(noTaskReason(matchLocation(luoyuan2017, location), location)).toEqual({
      key: 'matchNoTaskContainer',
      args: ['政务公开'],
    });
  });

  it('never compares a container with the plan’s words', () => {
    // 结果公开 is a 五公开 grouping; two tasks of 罗源 print 结果公开 in their requirements or keywords.
    const location = locationFromText('首页 > 政务公开 > 结果公开');
    const m = matchLocation(luoyuan2017, location);
    expect(m.tasks).toEqual([]);
    expect(noTaskReason(m, location)).toEqual({ key: 'matchNoTaskContainer', args: ['结果公开'] });
  });
});

describe('a catalogue named after its subject', () => {
  it('is the subject’s column: the subject decides, and the catalogue alone is still the catalogue', () => {
    expect(nos('财政预决算信息公开目录')[0]).toBe('26');
    expect(nos('涉农补贴领域基层政务公开标准目录')[0]).toBe('22');
    // 罗源 has no task about 养老服务: no task, not the task about the disclosure catalogue (51).
    const location = locationFromText('养老服务信息公开目录');
    const m = matchLocation(luoyuan2017, location);
    expect(m.tasks).toEqual([]);
    expect(m.ungoverned).toBe(true);
    expect(nos('主动公开基本目录')[0]).toBe('51');
  });
});

describe('a service area (办事服务, 服务大厅)', () => {
  it('makes the segments below it service items, whatever subject their words name', () => {
    // The item's words name 拆迁 and 建设项目; the page is a service guide all the same.
    expect(nos('首页 > 服务大厅 > 某类事项 > 建设项目拆迁许可变更审批')[0]).toBe('15');
    // Under the online hall (网上办事, task 18) a person's services are both the platform's and service guides.
    expect(nos('首页 > 网上办事 > 个人办事 > 某某资格注册 > 初始注册').slice(0, 2).sort()).toEqual(['15', '18']);
    expect(nos('服务大厅')[0]).toBe('15');
    expect(nos('政务公开 > 服务公开')[0]).toBe('15');
  });

  it('keeps a segment below it that names a kind of column', () => {
    expect(nos('办事服务 > 某省网上办事大厅')[0]).toBe('18');
    // A trading centre's hall lists its trading notices: the head word 交易信息 names the column.
    expect(nos('首页 > 服务大厅 > 交易信息 > 某某工程')[0]).toBe('11');
    expect(nos('首页 > 服务大厅 > 通知公告')).toEqual([]);
    expect(nos('首页 > 办事服务 > 办事指南')[0]).toBe('15');
  });

  it('leaves a location without one as it was', () => {
    expect(nos('首页 > 信息公开 > 征地信息')[0]).toBe('46');
  });

  it('knows the service area by the applicant groups portals head it with, under the online-services heading', () => {
    // 在线服务 > 市民办事 (瑞昌市), 政务服务 > 个人服务 / 法人服务 (深圳市公安局): the groups of 国办函〔2016〕108号's
    // 按服务对象分类 and 按服务主题分类; the items below them are service items as under 个人办事.
    for (const group of ['市民办事', '个人服务', '法人服务', '企业服务', '部门办事', '主题服务'])
      expect(nos(`在线服务 > ${group} > 某某登记`).slice(0, 2).sort(), group).toEqual(['15', '18']);
    // The heading alone is the online-services column (互联网+政务服务), as 网上办事 is.
    expect(nos('网上服务')[0]).toBe('18');
    expect(nos('首页 > 在线服务')[0]).toBe('18');
  });
});

describe('financial services', () => {
  it('are the services of banks to enterprises and residents, not the financial-market tasks', () => {
    // 国发〔2015〕74号: 金融服务 is credit and financing for enterprises and residents; tasks 41 and 42 are about
    // financial-market policy and capital-market enforcement.
    expect(nos('金融服务')).toEqual([]);
    expect(nos('惠企服务 > 普惠金融')).toEqual([]);
    expect(nos('金融市场')[0]).toBe('41');
  });
});

describe('names that hold another kind’s word', () => {
  it('read 营商环境 as the business environment and 市场监管 as market regulation as a whole', () => {
    // 优化营商环境条例 第二条: the conditions for enterprises, not 环境保护 (task 34).
    expect(nos('营商环境')).not.toContain('34');
    expect(nos('重点领域 > 优化营商环境')).not.toContain('34');
    // Since 2018 one department holds market order, product quality and food and drug safety: not 房地产 (44).
    expect(nos('重点领域 > 市场监管').slice(0, 3).sort()).toEqual(['30', '31', '39']);
    expect(nos('房地产市场监管')[0]).toBe('44');
  });

  it('do not take 健康发展 for health', () => {
    // Task 27 is about 新产业健康发展; a 医疗卫生 column is task 38 alone.
    expect(nos('医疗卫生')).toEqual(['38']);
  });
});

describe('the fields of the county catalogues', () => {
  it('know the items of the 重大建设项目 field and the 自然资源 field', () => {
    for (const text of ['批准结果信息', '重大设计变更信息', '质量安全监督信息']) expect(nos(text)[0], text).toBe('10');
    expect(nos('重点领域信息公开 > 自然资源')[0]).toBe('46');
    // 资质 is a licence (行政许可法 第十二条（三）).
    expect(nos('首页 > 某类工程 > 某某企业资质公示')[0]).toBe('15');
  });
});

describe('a field of the 要点 that holds narrower fields', () => {
  it('proposes the tasks of what 农业供给侧结构性改革 holds, under its pastoral name too', () => {
    // The 2017 要点's 推进农业供给侧结构性改革信息公开: 强农惠农政策 (22), 农产品价格 (21), 土地承包经营权 (23).
    for (const text of ['重点领域信息公开 > 农业供给侧结构性改革', '农牧业供给侧结构性改革'])
      expect(nos(text).slice(0, 3).sort(), text).toEqual(['21', '22', '23']);
    // The reform of the whole economy is not the farming field.
    expect(nos('供给侧结构性改革')).toEqual([]);
  });

  it('does so for any plan, through the plan’s own words', () => {
    const plan = otherCounty([
      ['1', '推进教育信息公开', '公开义务教育招生政策。'],
      ['2', '加大强农惠农政策公开力度', '公开耕地地力保护补贴、农机购置补贴发放情况。'],
    ]);
    expect(nos('农业供给侧改革', plan)).toEqual(['2']);
  });

  it('reads 履职依据, the 法定主动公开内容 heading of rules and 规范性文件, as the normative-document column', () => {
    expect(nos('政务公开 > 法定主动公开内容 > 履职依据')[0]).toBe('16');
  });
});

describe('a kind of column only the requirements mention', () => {
  it('is proposed as tentative and says that no task is about it', () => {
    // 罗源 has no employment task: 就业 appears only in task 22's 农村劳动力转移就业 and task 36's 毕业生就业质量.
    const location = locationFromText('重点领域信息公开 > 稳岗就业');
    const m = matchLocation(luoyuan2017, location);
    expect(m.tasks.map((t) => t.no)).toEqual(['22', '36']);
    expect(m.tentative).toBe(true);
    expect(noTaskReason(m, location)).toEqual({ key: 'matchTentative', args: ['稳岗就业', '就业创业'] });
  });

  it('is firm when a task names the kind in its title or named columns', () => {
    for (const text of ['财政预决算', '首页 > 政务公开 > 法定主动公开内容 > 统计数据', '提案办理']) {
      const location = locationFromText(text);
      const m = matchLocation(luoyuan2017, location);
      expect(m.tasks.length, text).toBeGreaterThan(0);
      expect(m.tentative, text).toBe(false);
      expect(noTaskReason(m, location), text).toBeNull();
    }
  });

  it('turns firm for a plan that has a task about it', () => {
    const plan = otherCounty([
      ['1', '加大就业创业政策公开力度', '公开稳岗返还、就业补贴等政策。'],
      ['2', '推进教育信息公开', '公开毕业生就业质量年度报告。'],
    ]);
    const m = matchLocation(plan, locationFromText('稳岗就业'));
    expect(m.tasks[0]?.no).toBe('1');
    expect(m.tentative).toBe(false);
  });
});

describe('a catalogue of columns above the column', () => {
  it('holds the column instead of naming its kind', () => {
    expect(nos('政府信息公开目录')[0]).toBe('51');
    expect(nos('政务公开 > 政府信息公开目录 > 某某特色栏目')).toEqual([]);
    expect(nos('政务公开 > 政府信息公开目录 > 政策解读 > 文字解读')[0]).toBe('55');
    const location = locationFromText('政务公开 > 政府信息公开目录 > 重点领域信息公开');
    expect(noTaskReason(matchLocation(luoyuan2017, location), location)).toEqual({
      key: 'matchNoTaskContainer',
      args: ['重点领域信息公开'],
    });
  });
});
