/**
 * Tables that arrive as text in the shapes a stored or copied catalogue takes: one cell per paragraph with a cell's
 * own lines kept together, header words and short cells broken over two paragraphs, a 一级事项 merged over rows, and
 * header words this reader does not know.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from './parse-plan';

function parse(text: string) {
  const r = parsePlan(text, { id: 'demo', kind: 'text' });
  if (!r.ok) throw new Error(r.error.message);
  return r;
}
const cells = (...xs: string[]): string => `${xs.join('\n\n')}\n`;

describe('a catalogue as one cell per paragraph', () => {
  const header = ['序号', '公开事项', '公开内容(要素)', '公开', '依据', '公开', '时限', '公开', '主体', '公开对象'];
  const sub = ['一级', '事项', '二级', '事项', '全社会', '特定', '群众'];

  it('joins header words broken over two paragraphs and keeps a cell’s lines together', () => {
    const r = parse(
      cells(
        ...header,
        ...sub,
        '1',
        '公共\n服务',
        '免费开放信息',
        '1.机构名称;\n2.开放时间;',
        '《条例》',
        '20个工作日内公开',
        '各社区',
      ),
    );
    expect(r.columns.map((c) => c.header).slice(0, 7)).toEqual([
      '序号',
      '一级事项',
      '二级事项',
      '公开内容(要素)',
      '公开依据',
      '公开时限',
      '公开主体',
    ]);
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.responsible.units, t.deadline])).toEqual([
      ['1', '免费开放信息', ['各社区'], '20个工作日内公开'],
    ]);
    expect(r.plan.tasks[0]?.requirements).toContain('1.机构名称;\n2.开放时间;');
  });

  it('reads a row whose 一级事项 is merged from above, and one whose 一级事项 is broken over two paragraphs', () => {
    const r = parse(
      cells(
        ...header,
        ...sub,
        '1',
        '公共服务',
        '免费开放信息',
        '1.机构名称;',
        '《条例》',
        '20个工作日内公开',
        '各社区',
        '2',
        '公共',
        '服务',
        '组织群众文化活动',
        '1.活动时间;',
        '《条例》',
        '20个工作日内公开',
        '各社区',
        '3',
        '举办展览、讲座信息',
        '1.活动时间;',
        '《条例》',
        '20个工作日内公开',
        '各社区',
      ),
    );
    const category = new Map(r.plan.categories.map((c) => [c.id, c.title]));
    expect(r.plan.tasks.map((t) => [t.no, t.title, category.get(t.category)])).toEqual([
      ['1', '免费开放信息', '公共服务'],
      ['2', '组织群众文化活动', '公共服务'],
      ['3', '举办展览、讲座信息', '公共服务'],
    ]);
    expect(r.warnings.filter((w) => w.code === 'rows.unplaced')).toEqual([]);
  });

  it('keeps a header word it does not know as a column, and warns that it was not used', () => {
    const r = parse(
      cells(
        '公开事项',
        '公开时限',
        '事项类别(法定公开、其他)',
        '公开主体',
        '一级事项',
        '二级事项',
        '机构信息',
        '机构基本信息',
        '20个工作日内',
        '法定公开事项',
        '市政府办公室',
      ),
    );
    expect(r.plan.tasks.map((t) => [t.title, t.responsible.units])).toEqual([['机构基本信息', ['市政府办公室']]]);
    expect(r.warnings.some((w) => w.code === 'columns.unused' && w.data.header === '事项类别(法定公开、其他)')).toBe(
      true,
    );
  });
});

describe('a table stored as `cell / | / cell`', () => {
  it('keeps the lines between two separators as one cell (長期公開 / 隨時公開)', () => {
    const r = parse(
      [
        '類別',
        '|',
        '公開內容',
        '|',
        '公開時限',
        '|',
        '機構職能類',
        '|',
        '鎮政府領導職責分工、各部門主要職能等情況',
        '|',
        '長期公開',
        '隨時公開',
        '|',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => [t.title, t.deadline])).toEqual([
      ['鎮政府領導職責分工、各部門主要職能等情況', '長期公開隨時公開'],
    ]);
  });
});

describe('rows printed with a leading | that a store broke over lines', () => {
  it('joins each broken row and its second header row, then reads the catalogue', () => {
    const r = parse(
      [
        '| 公开事项 | 公开内容 (要素) |',
        '公开 时限 |',
        '公开 主体 |',
        '公开渠道和载体 | 责任 科室 |',
        '|||',
        '| 一级事项 | 二级事项 | 三级事项 |',
        '|||',
        '| 政策法规 | 行政规范性文件 | 部门印发的行政规范性文件 |',
        '信息产生之日起20个工作日内公开 | 某旗人民政府办公室 | ■政府网站 | 综合组 | ||',
        '| 文件及解读 | 政策文件 | 印发的政策类文件 |',
        '信息产生之日起20个工作日内公开 | 某旗人民政府办公室 | ■政府网站 | 综合组 | ||',
        '| 政府文件 | 以政府名义印发的文件 | 信息产生之日起20个工作日内公开 | 某旗人民政府办公室 | ■政府网站 | 综合组 | |||',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => t.title)).toEqual(['行政规范性文件', '政策文件', '政府文件']);
    expect(r.plan.tasks.map((t) => r.plan.categories.find((c) => c.id === t.category)?.title)).toEqual([
      '政策法规',
      '文件及解读',
      '文件及解读',
    ]);
    expect(r.plan.tasks.every((t) => t.responsible.units.join() === '综合组')).toBe(true);
  });
});

describe('a catalogue as one cell per paragraph, a 公开渠道和载体 cell printed over paragraphs', () => {
  const header = [
    '序号',
    '公开事项',
    '公开内容(要素)',
    '公开时限',
    '公开主体',
    '公开渠道和载体',
    '一级事项',
    '二级事项',
  ];
  it('keeps the box lists of one channels cell together, and a lone box with its word apart', () => {
    const r = parse(
      cells(
        ...header,
        '1',
        '批准服务信息',
        '办事指南',
        '申报材料清单等',
        '实时公开',
        '相关审批部门',
        '■政府网站    ■两微一端',
        '■投资项目在线审批监管平台',
        '2',
        '招标投标信息',
        '招标投标',
        '招标公告等',
        '及时公开',
        '招标人',
        '■政府网站    ■两微一端',
        '■公共资源交易平台',
      ),
    );
    expect(r.plan.tasks.map((t) => t.title)).toEqual(['办事指南', '招标投标']);
    expect(r.plan.tasks[0]?.requirements).toContain('■投资项目在线审批监管平台');
    expect(r.warnings.map((w) => w.code)).not.toContain('rows.unplaced');
  });

  it('places a row past a number its header has no column for, and reports the number as not imported', () => {
    const r = parsePlan(
      [
        '序号',
        '|',
        '公开事项',
        '|',
        '公开内容(要素)',
        '|',
        '公开依据',
        '|',
        '公开时限',
        '|',
        '公开主体',
        '|',
        '一级事项',
        '|',
        '二级事项',
        '|',
        '1',
        '|',
        '|',
        '1',
        '|',
        '|',
        '公租房租赁补贴资格确认',
        '|',
        '【条例】《住房保障家庭租赁补贴的指导意见》',
        '|',
        '20工作日',
        '|',
        '某县住房和城乡建设局',
        '|',
        '2',
        '|',
        '|',
        '公租房承租资格确认',
        '|',
        '【规章】《公共租赁住房管理办法》',
        '|',
        '20工作日',
        '|',
        '某县住房和城乡建设局',
        '|',
      ].join('\n'),
      { id: 'demo', kind: 'text' },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.deadline])).toEqual([
      ['1', '公租房租赁补贴资格确认', '20工作日'],
      ['2', '公租房承租资格确认', '20工作日'],
    ]);
    const unplaced = r.warnings.find((w) => w.code === 'rows.unplaced');
    expect(unplaced?.data.sample).toBe('1');
  });
});

describe('levels printed alone under a header naming items and their classes', () => {
  it('folds 一级 | 二级 under 政府信息公开类别及事项 and reads the rows as a catalogue', () => {
    const r = parse(
      [
        '序号 | 政府信息公开类别及事项 | 公开内容 | 责任单位 |',
        '一级 | 二级 |',
        '1 | 机构介绍 | 机构设置 | 部门职能、办公地址等。 | 党政综合办公室 |',
        '2 | 领导分工 | 领导简介、个人分工等。 | 党建工作办公室、党政综合办公室 |',
        '3 | 政府信息公开 | 公开指南 | 信息公开工作机构名称等。 | 党政综合办公室 |',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => [t.no, t.title, r.plan.categories.find((c) => c.id === t.category)?.title])).toEqual(
      [
        ['1', '机构设置', '机构介绍'],
        ['2', '领导分工', '机构介绍'],
        ['3', '公开指南', '政府信息公开'],
      ],
    );
  });
});

describe('catalogue rows in text forms that the header alone does not explain', () => {
  it('a copied row whose 特定群众 tick column names the group in a word is still placed, the guess said', () => {
    const r = parse(
      [
        '序号\t公开事项\t\t公开内容(要素)\t公开依据\t公开时限\t公开主体\t公开对象\t',
        '一级事项\t二级事项\t全社会\t特定群众',
        '1\t批准服务信息\t办事指南\t申报材料清单等\t《政府信息公开条例》\t实时公开\t相关审批部门\t√\t',
        '2\t办理进度公示\t办理进展等\t《政府信息公开条例》\t及时公开\t相关审批部门\t\t项目单位',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => [t.no, t.title, r.plan.categories.find((c) => c.id === t.category)?.title])).toEqual(
      [
        ['1', '办事指南', '批准服务信息'],
        ['2', '办理进度公示', '批准服务信息'],
      ],
    );
    expect(r.warnings.map((w) => w.code)).toContain('rows.placementGuessed');
  });

  it('a flattened row that fills every column between two 序号 keeps a units cell that goes on in a clause', () => {
    const r = parse(
      cells(
        '序号',
        '政府信息公开类别及事项',
        '公开内容',
        '责任单位',
        '一级',
        '二级',
        '1',
        '镇街文件',
        '政府规范性文件',
        '本级部门制定的规范性文件。',
        '制定规范性文件的部门,上级部门制定的规范性文件由对口部门公开',
        '2',
        '其他文件',
        '其他有关文件。',
        '制定文件的部门',
      ),
    );
    expect(r.plan.tasks.map((t) => [t.title, t.responsible.units[0]])).toEqual([
      ['政府规范性文件', '制定规范性文件的部门'],
      ['其他文件', '制定文件的部门'],
    ]);
    expect(r.warnings.map((w) => w.code)).toContain('units.unsplittable');
  });

  it('a flattened catalogue whose items stand over their 二级 and 三级 columns is read without the 三级 column', () => {
    const r = parse(
      cells(
        '公开事项',
        '公开内容(要素)',
        '公开时限',
        '公开主体',
        '责任科室',
        '一级事项',
        '二级事项',
        '三级事项',
        '政策法规',
        '行政规范性文件',
        '部门印发的行政规范性文件。',
        '20个工作日内公开',
        '某旗人民政府办公室',
        '综合组',
        '文件及解读',
        '政策文件',
        '印发的政策类文件。',
        '20个工作日内公开',
        '某旗人民政府办公室',
        '综合组',
      ),
    );
    expect(r.plan.tasks.map((t) => [t.title, r.plan.categories.find((c) => c.id === t.category)?.title])).toEqual([
      ['行政规范性文件', '政策法规'],
      ['政策文件', '文件及解读'],
    ]);
  });
});

describe('a task table printed as `|` rows that drop their merged cells', () => {
  it('reads a row printing only its numbered requirement as a task, its units merged down from the row above', () => {
    const r = parse(
      [
        '工作任务 | 具体要求 | 责任部门 |',
        '一、做好各类规划主动公开。 | 1.主动公开规划纲要及政策解读。 | 办公室牵头,其他股室配合 |',
        '2.做好各项规划的归集整理工作。 |',
        '二、做好财政信息公开。 | 3.积极推进预算、决算公开。 | 计划财务股 |',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => t.no)).toEqual(['1', '2', '3']);
    const second = r.plan.tasks[1];
    expect(second?.title).toBe('做好各项规划的归集整理工作。');
    expect(second?.lead.units).toEqual(['办公室']);
    expect(second?.responsible.units).toEqual(['其他股室']);
    expect(r.plan.categories.map((c) => c.title)).toEqual(['做好各类规划主动公开。', '做好财政信息公开。']);
  });
});

describe('several catalogues printed one after another as `|` rows', () => {
  it('skips each repeated header and joins the cells a store put on the next line, `| √ |` ticks included', () => {
    const header = [
      '序 号 | 公开事项 | 公开内容(要素) | 公开依据 | 公开时限 | 公开主 体 | 公开渠道和载体 | 公开对象 | 公开方式 | 公开层级 |',
      '一级事 项 | 二级事 项 | 全社 会 | 特定 群众 | 主 动 | 依申请公开 | 乡级 |',
    ];
    const r = parse(
      [
        '(一)重大建设项目领域基层政务公开标准目录 |',
        ...header,
        '1 | 征收土 地信息 | 征收土 地信息 | 征地公告等 | 《政府信息公开条例》 | 信息形成20个工 作日内公开 | 九龙街道办事处 | ■政府网站 | √ |',
        '| √ |',
        '| √ |',
        '(二)义务教育领域基层政务公开标准目录 |',
        ...header,
        '1 | 重要政策执行情况 | 控辍保学',
        '| 辖区内控辍保学实施情况 | 相关政策文件 | 信息形成或者变更之日起20个工作日内 | 九龙街道办事处 | ■政府网站 | √ |',
        '| √ |',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => t.title.replace(/\s/g, ''))).toEqual(['征收土地信息', '控辍保学']);
    expect(r.plan.tasks.map((t) => t.responsible.units)).toEqual([['九龙街道办事处'], ['九龙街道办事处']]);
    expect(r.plan.tasks[1]?.deadline).toBe('信息形成或者变更之日起20个工作日内');
  });
});

describe('a catalogue one cell per paragraph whose cells print lists over several paragraphs', () => {
  const header = [
    '序号',
    '公开事项',
    '公开内容(要素)',
    '公开依据',
    '公开时限',
    '公开主体',
    '公开渠道和载体',
    '公开方式',
  ];
  const sub = ['一级事项', '二级事项', '主动公开', '依申请公'];

  it('keeps a numbered list, a bullet list, a time phrase broken before its unit and one box per paragraph in their cells', () => {
    const r = parse(
      cells(
        ...header,
        ...sub,
        '1',
        '政策文件',
        '行政法规',
        '1.中央涉及扶贫领域的行政法规;',
        '2.地方涉及扶贫领域的行政法规。',
        '《中华人民共和国政府信息公开条例》',
        '信息形成之日起20个工作',
        '日 内',
        '某镇人民政府',
        '■政府网站',
        '■便民服务中心',
        '2',
        '规范性文件',
        '● 各级政府涉及扶贫领域的规范性文件',
        '● 各部门涉及扶贫领域的规范性文件',
        '《中华人民共和国政府信息公开条例》',
        '信息形成之日起20个工作日内',
        '某镇人民政府',
        '■政府网站',
        '3',
        '其他政策文件',
        '涉及扶贫领域其他政策文件',
        '《中华人民共和国政府信息公开条例》',
        '信息形成之日起20个工作日内',
        '某镇人民政府',
        '■政府网站',
      ),
    );
    expect(r.plan.tasks.map((t) => [t.title, r.plan.categories.find((c) => c.id === t.category)?.title])).toEqual([
      ['行政法规', '政策文件'],
      // 一级事项 merged from row 1: 规范性文件 and 其他政策文件 are the rows' 二级事项.
      ['规范性文件', '政策文件'],
      ['其他政策文件', '政策文件'],
    ]);
    expect(r.plan.tasks.map((t) => t.responsible.units)).toEqual([
      ['某镇人民政府'],
      ['某镇人民政府'],
      ['某镇人民政府'],
    ]);
    expect(r.plan.tasks[0]?.deadline?.replace(/\s/g, '')).toBe('信息形成之日起20个工作日内');
    expect(r.plan.tasks[0]?.requirements).toContain('2.地方涉及扶贫领域的行政法规。');
    expect(r.columns.find((c) => c.header === '公开内容(要素)')?.used).toBe(true);
  });
});

describe('a table stored as `cell |` lines, each row closed by the store’s fillers', () => {
  it('reads a task header printed over three label columns, sentence rows under it and their merged units', () => {
    const r = parse(
      [
        '某区2023年政务公开常态化工作任务清单',
        '工作任务 |',
        '具体要求 |',
        '责任单位 |',
        '||',
        '主动公开 |',
        '基础信息公开',
        '|',
        '行政规范 |',
        '做好行政规范性文件的集中、规范公开工作。 |',
        '区司法局牵头区级规范性文件集中公开工作,各成员单位负责做好本单位公开工作 |',
        '公开页面详细列明标题、正文、文号、成文日期等。 |',
        '||||',
        '及时公开行政规范性文件的备案目录。 |',
        '各成员单位 |',
        '|||',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => t.title)).toEqual([
      '做好行政规范性文件的集中、规范公开工作。',
      '公开页面详细列明标题、正文、文号、成文日期等。',
      '及时公开行政规范性文件的备案目录。',
    ]);
    expect(r.plan.categories.map((c) => c.title)).toEqual(['主动公开']);
    expect(r.plan.tasks.map((t) => [t.lead.units, t.responsible.units])).toEqual([
      [['区司法局'], ['各成员单位']],
      [['区司法局'], ['各成员单位']],
      [[], ['各成员单位']],
    ]);
    expect(r.plan.tasks[0]?.requirements).toContain('行政规范');
  });
});

describe('catalogue rows as stores print them (second batch of session 8)', () => {
  it('goes on with a `|` row a store broke where a line ended, counting its cells and fillers to the header’s', () => {
    const r = parse(
      [
        '序号 | 公开事项 | 公开内容(要素) | 公开依据 | 公开时限 | 公开主体 | 公开渠道和载体 | 公开对象 | 公开方式 | 公开层级 | |||||',
        '一级事项 | 二级事项 | 全社会 | 特定群众 | 主动 | 依申请公开 |',
        '县级 | 乡级 | |||||||',
        '1 | 农业生产发展资金 | 农机购置补贴 | 政策依据; 补贴结果; |',
        '《农业生产发展资金管理办法》 | 信息形成之日起20个工作日内 | 某市农业农村局 | ■政府网站 | √ | √ | √ | ||||',
        '2 | 农业生产发展资金 | 耕地地力保护 | 政策依据; 补贴结果; | 《农业生产发展资金管理办法》 |',
        '信息形成之日起20个工作日内 | 某市财政局 | ■政府网站 | √ | √ | √ | ||||',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.responsible.units])).toEqual([
      ['1', '农机购置补贴', ['某市农业农村局']],
      ['2', '耕地地力保护', ['某市财政局']],
    ]);
    expect(r.plan.tasks.map((t) => t.deadline)).toEqual(['信息形成之日起20个工作日内', '信息形成之日起20个工作日内']);
  });

  it('counts 序号 from the first row printed, and joins a row’s cells printed over several paragraphs each', () => {
    const r = parse(
      cells(
        '序号',
        '公开事项',
        '公开内容(要素)',
        '公开依据',
        '公开时限',
        '公开主体',
        '公开渠道和载体',
        '一级事项',
        '二级事项',
        '2',
        '农业生产发展资金',
        '耕地地力保护',
        '政策依据;',
        '申请指南:包括补贴对象、补贴范围;',
        '补贴结果;',
        '监督渠道:包括举报电话。',
        '《农业生产发展资金管理办法》',
        '信息形成之日起20个工作日内',
        '乡镇人民政府',
        '行政村村民委员会',
        '行政村公示栏',
        '3',
        '农业生产发展资金',
        '新型职业农民培育',
        '政策依据;',
        '补贴结果。',
        '《农业生产发展资金管理办法》',
        '信息形成之日起20个工作日内',
        '县级农业农村部门',
        '■政府网站',
      ),
    );
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.responsible.units])).toEqual([
      ['2', '耕地地力保护', ['乡镇人民政府', '行政村村民委员会']],
      ['3', '新型职业农民培育', ['县级农业农村部门']],
    ]);
    expect(r.plan.tasks[0]?.requirements).toContain('监督渠道:包括举报电话。');
  });

  it('puts a row that prints only more of the task above’s content on that task, not dropped', () => {
    const r = parse(
      [
        '序号 |',
        '公开事项 |',
        '公开内容 (要素) |',
        '公开依据 |',
        '公开时限 |',
        '公开主体 |',
        '公开对象 |',
        '||',
        '一级 事项 |',
        '二级 事项 |',
        '全社会 |',
        '特定群众 |',
        '|||||',
        '1 |',
        '财政预决算 |',
        '部门预算 |',
        '收支总体情况表。 |',
        '《预算法》 |',
        '批复后20日内 |',
        '某乡人民政府 |',
        '√ |',
        '√ |',
        '财政拨款收支情况表:①财政拨款收支预算总表。 |',
        '||||||||',
      ].join('\n'),
    );
    expect(r.plan.tasks).toHaveLength(1);
    expect(r.plan.tasks[0]?.requirements).toContain('财政拨款收支情况表');
  });
});

describe('户籍 catalogues as stores print them (third batch of session 8)', () => {
  it('joins words broken over paragraphs, channels printed without boxes and a basis in two citations', () => {
    const r = parse(
      cells(
        '序号',
        '公开事项',
        '公开内容(要素)',
        '公开依据',
        '公开时限',
        '公开主体',
        '公开渠道和载体',
        '公开层级',
        '一级事项',
        '二级事项',
        '区级',
        '乡级',
        '1',
        '出生',
        '登记',
        '出生',
        '登记',
        '受理部门、办理条件、办理流程',
        '《户口登记条例》',
        '《政府信息公开条例》',
        '形成或者变更之日起20个工作日内予以公开',
        '公安',
        '机关',
        '政府网站',
        '入户/现场',
        '2',
        '注销登记',
        '死亡注销',
        '受理部门、办理条件、办理流程',
        '《户口登记条例》',
        '形成或者变更之日起20个工作日内予以公开',
        '公安机关',
        '政府网站',
      ),
    );
    expect(r.plan.tasks.map((t) => [t.title.replace(/\s/g, ''), t.responsible.units])).toEqual([
      ['出生登记', ['公安机关']],
      ['死亡注销', ['公安机关']],
    ]);
    expect(r.plan.categories.map((c) => c.title.replace(/\s/g, ''))).toEqual(['出生登记', '注销登记']);
  });

  it('reads `cell |` lines whose rows lost their 一级事项, the store’s lone `|` closing them, with 区级 under 公开层级', () => {
    const row = (...xs: string[]): string[] => xs.map((x) => `${x} |`);
    const r = parse(
      [
        ...row('序号', '公开事项', '公开内容(要素)', '公开主体', '公开层级'),
        '||',
        ...row('一级事项', '二级事项', '区级', '乡级'),
        '|||',
        ...row('1', '出生', '新生儿国内出生户口登记', '1.受理部门', '区公安分局', '√'),
        '|',
        ...row('2', '国(境)外所生子女户口登记', '1.受理部门', '区公安分局', '√'),
        '|',
        '|',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.responsible.units])).toEqual([
      ['1', '新生儿国内出生户口登记', ['区公安分局']],
      ['2', '国(境)外所生子女户口登记', ['区公安分局']],
    ]);
  });
});

describe('`|` rows whose ticks a store put on lines of their own, a lone `|` between them', () => {
  it('keeps every tick line with its row and reads the next row’s 二级事项 under its merged 一级事项', () => {
    const r = parse(
      [
        '序 号 | 公开事项 | 公开内容 (要素) | 公开主体 | 公开对象 | 公开方式 |',
        '一级 事项 | 二级 事项 | 全 社会 | 特定群体 | 主动 | 依 申请 |',
        '1 | 养老服务业务办理 | 养老机构备案 | ●备案流程 ●咨询电话 | 乡人民政府 | √ |',
        '| √ |',
        '|',
        '| √ |',
        '2 | 养老服务扶持补贴 | ●补贴名称 ●办理流程 | 乡人民政府 | √ |',
        '| √ |',
        '|',
        '| √ |',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => t.title)).toEqual(['养老机构备案', '养老服务扶持补贴']);
    expect(r.plan.categories.map((c) => c.title)).toEqual(['养老服务业务办理']);
  });
});

describe('a catalogue of `|` rows whose second header row prints the levels alone and a word cut short', () => {
  it('folds 一级 / 二级 under 公开事项 and 全社 under 公开对象, then reads rows with the 一级 merged', () => {
    const r = parse(
      [
        '序号 | 公开事项 | 公开内容 | 公开依据 | 公开时限 | 公开渠道和载体 | 公开对象 | 公开方式 | |||',
        '一级 | 二级 | 全社 | 特定群体 | 主动 | 依申请 | |||||',
        '1 | 机构信息 | 机构职能 | 单位名称、机构职能 | 《条例》 | 信息形成或变更之日起20个工作日内 | 政府网站 | √ | √ | ||',
        '2 | 领导信息 | 领导姓名、分管工作 | 《条例》 | 信息形成或变更之日起20个工作日内 | 政府网站 | √ | √ | |||',
        '3 | 内设科室 | 内设科室名称、职能职责 | 《条例》 | 信息形成或变更之日起20个工作日内 | 政府网站 | √ | √ | |||',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => t.title)).toEqual(['机构职能', '领导信息', '内设科室']);
    expect(r.plan.tasks.map((t) => r.plan.categories.find((c) => c.id === t.category)?.title)).toEqual([
      '机构信息',
      '机构信息',
      '机构信息',
    ]);
    expect(r.plan.tasks.map((t) => t.deadline)).toEqual(Array(3).fill('信息形成或变更之日起20个工作日内'));
  });
});

describe('`|` rows of a catalogue whose header and cells a store broke over lines', () => {
  it('joins a header cut inside a cell, gives the tick words to a parent printed twice, reads without an unfilled 三级事项', () => {
    const r = parse(
      [
        '某领域基层政务公开标准目录 | ||||||||||||||',
        '序号 | 公开事项 | 公开内容',
        '(要素) | 公开依据 | 公开时限 | 公开主体 | 公开渠道和载体 | 公开对象 | 公开方式 | 公开方式 | |||||',
        '一级事项 | 二级事项 | 三级事项 | 全社会 | 特定群众 | 主动 | 依申请公开 | 县级 | 乡、村级 | ||||||',
        '1 | 法治宣传教育 | 法律知识普及服务 | 法律法规资讯;',
        '普法动态资讯 | 《普法规划》',
        '省普法规划 | 自制作或获取该信息之日起20个工作日内公开 | 县司法局 | ■政府网站',
        '■两微一端 | √ | √ | √ | √ | |||',
        '2 | 推广法治文化服务 | 辖区内法治文化阵地信息;',
        '法治文化作品 | 《普法规划》 | 自制作或获取该信息之日起20个工作日内公开 | 县司法局 | ■政府网站 | √ | √ | √ | √ | ||||',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => t.title)).toEqual(['法律知识普及服务', '推广法治文化服务']);
    expect(r.plan.tasks.map((t) => r.plan.categories.find((c) => c.id === t.category)?.title)).toEqual([
      '法治宣传教育',
      '法治宣传教育',
    ]);
    expect(r.plan.tasks.map((t) => t.responsible.units.join())).toEqual(['县司法局', '县司法局']);
    expect(r.columns.map((c) => c.header)).toContain('县级');
  });

  it('joins a header whose first cells stand on a line of their own (序号 | 公开 类别 |)', () => {
    const r = parse(
      [
        '序号 | 公开 类别 |',
        '公开事项 | 公开内容(要素) | 公开依据 | 公开时限 | 公开主体 | 公开渠道和载体 | 公开对象 | 公开方式 | ||||',
        '一级事项 | 二级事项 | 三级事项 | 全社会 | 特定群体 | 主动 | 依申请 | |||||||',
        '1 | 决策公开 | 履职依据 | 规范性文件 | 1.本部门制定的规范性文件 |',
        '《条例》 | 信息形成或变更之日起20个工作日内 | 区生态环境局 | ■政府网站 |',
        '√ | √ | |||',
        '2 | 其他有关文件 | 1.本部门制定的其他文件 |',
        '《条例》 | 信息形成或变更之日起20个工作日内 | 区生态环境局 | ■政府网站 |',
        '√ | √ | |||||',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => t.title)).toEqual(['规范性文件', '其他有关文件']);
    expect(r.plan.tasks.map((t) => r.plan.categories.find((c) => c.id === t.category)?.title)).toEqual([
      '决策公开',
      '决策公开',
    ]);
    expect(r.plan.tasks.map((t) => t.deadline)).toEqual(Array(2).fill('信息形成或变更之日起20个工作日内'));
  });
});

describe('a catalogue as one cell per paragraph, a row with a paragraph or two more than its columns', () => {
  it('keeps a 注 under the channels with them, and reads an item printed twice as one', () => {
    const header = ['序号', '公开事项', '公开内容(要素)', '公开依据', '公开时限', '公开主体', '公开渠道和载体'];
    const r = parse(
      cells(
        ...header,
        '一级事项',
        '二级事项',
        '1',
        '法治宣传教育',
        '法治宣传教育',
        '法律知识普及服务',
        '法律法规资讯;普法动态资讯',
        '《普法规划》',
        '自制作或获取该信息之日起20个工作日内公开',
        '司法行政部门',
        '■政府网站',
        '■广播电视',
        '注:有关公开信息可推送至法律服务网。',
        '2',
        '推广法治文化服务',
        '辖区内法治文化阵地信息',
        '同上',
        '自制作或获取该信息之日起20个工作日内公开',
        '司法行政部门',
        '同上',
      ),
    );
    expect(r.plan.tasks.map((t) => t.title)).toEqual(['法律知识普及服务', '推广法治文化服务']);
    expect(r.plan.tasks.map((t) => r.plan.categories.find((c) => c.id === t.category)?.title)).toEqual([
      '法治宣传教育',
      '法治宣传教育',
    ]);
    expect(r.plan.tasks.map((t) => t.responsible.units.join())).toEqual(['司法行政部门', '司法行政部门']);
  });
});

describe('a catalogue whose header lost its 序号 cell and cut 公开时限 / 公开主体 to 公开', () => {
  it('reads the rows’ leading numbers as 序号, and the cut columns by what their cells are, saying so', () => {
    const r = parse(
      [
        '公开事项 | 公开内容 | 公开依据 | 公开 | 公开 | 公开渠道和载体 | 公开对象 | 公开方式 | ||||',
        '一级 事项 | 二级 事项 | 全社会 | 特定对象 | 主动 | 依申请 | ||||||',
        '1 | 政策文件 | 教育法律 | 教育法律、规章制度 | 《条例》 | 信息形成或者变更之日起20个工作日内 | 区教育局 | ■政府网站 | √ | √ | ||',
        '规范性文件 | 部门规范性文件 | 《条例》 | 信息形成或者变更之日起20个工作日内 | 区教育局 | ■政府网站 | √ | √ | ||||',
        '2 | 教育概况 | 教育事业发展主要情况 | 教育事业发展主要情况 | 《条例》 | 信息形成或者变更之日起20个工作日内 | 区教育局 | ■政府网站 | √ | √ | ||',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => `${t.no} ${t.title}`)).toEqual([
      '1 教育法律',
      '1 规范性文件',
      '2 教育事业发展主要情况',
    ]);
    expect(r.plan.tasks.every((t) => t.responsible.units.join() === '区教育局')).toBe(true);
    expect(r.plan.tasks.every((t) => t.deadline === '信息形成或者变更之日起20个工作日内')).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'columns.roleFromCells').map((w) => w.data.role)).toEqual([
      'deadline',
      'responsible',
    ]);
  });
});

describe('`|` catalogues whose header rows go on over lines', () => {
  it('reads a header whose cells go on over a second line of top-level words, then its second header row', () => {
    const r = parse(
      [
        '序号 | 一级目录 | 公开事项 | 公开内容 (要素) |',
        '公开依据 | 公开时限 | 公开主体 | 公开渠道和载体 | 公开对象 | 公开方式 | ||||',
        '一级事项 | 二级事项 | 三级事项 | 全社会 | 特定群体 | 主动 | 依申请 | |||||',
        '1 | 综合业务 | 综合业务 | 政策法规文件 | 1.《社会救助暂行办法》 |',
        '《条例》 | 制定或获取信息之日起10个工作日内 | 民政局 | ■政府网站 |',
        '√ | √ | |||',
        '2 | 监督检查 | 1.社会救助投诉举报电话 |',
        '《条例》 | 制定或获取信息之日起10个工作日内 | 民政局 | ■政府网站 |',
        '√ | √ | |||||',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => t.title)).toEqual(['政策法规文件', '监督检查']);
    expect(r.plan.tasks.every((t) => t.responsible.units.join() === '民政局')).toBe(true);
  });

  it('reads a second header row whose words are broken over lines inside their cells', () => {
    const r = parse(
      [
        '序 号 | 公开事项 | 公开内容(要素) | 公开依据 | 公开时限 | 公开主体 | 公开渠道和载体 | 公开对象 | 公开方式 | ||||',
        '一级 事项 | 二级 事项 | 全',
        '社 会 |',
        '特定 群众 | 主 动 | 依申',
        '请公 开 |',
        '1 | 综合 业务 | 政策 法规 文件 | 《社会救助暂行办法》 | 《条例》 | 制定或获取信息之日起10个工作日内 | 盖州市民政局 | ■政府网站 |',
        '√ |',
        '√ |',
        '2 | 监督 检查 | 社会救助投诉举报电话 | 《条例》 | 制定或获取信息之日起10个工作日内 | 盖州市民政局 | ■政府网站 |',
        '√ |',
        '√ |',
      ].join('\n'),
    );
    expect(r.plan.tasks.map((t) => t.title.replace(/\s+/g, ''))).toEqual(['政策法规文件', '监督检查']);
    expect(
      r.plan.tasks.map((t) => r.plan.categories.find((c) => c.id === t.category)?.title.replace(/\s+/g, '')),
    ).toEqual(['综合业务', '综合业务']);
    expect(r.plan.tasks.every((t) => t.responsible.units.join() === '盖州市民政局')).toBe(true);
  });
});
