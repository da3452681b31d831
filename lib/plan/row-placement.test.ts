/** placeShortRow: a copied row that lost a cell merged from above, on the left or in the middle. */
import { describe, expect, it } from 'vitest';
import { parsePlan } from './parse-plan';
import { placeShortRow } from './row-placement';

describe('placeShortRow', () => {
  const roles = ['group', 'requirements', 'note', 'responsible'] as const;
  const above = [
    ['(二)做好财政信息公开。'],
    ['1. 公开规划。', '2. 归集历史规划。', '3. 公开部门预算。'],
    ['市政府各部门', '市政务公开办牵头,市有关单位落实', '市财政局牵头,市直各单位落实'],
    ['各处室', '办公室牵头,各处室配合', '财审处牵头,局属各单位落实'],
  ];

  it('puts a numbered task under the numbered tasks and an office under the offices when the middle cell is merged', () => {
    expect(placeShortRow(['4. 公开地方政府债务信息。', '规计处'], [...roles], above, 2).at).toEqual([1, 3]);
  });

  it('keeps the cells side by side at the right when that is as likely (merged cells on the left)', () => {
    expect(placeShortRow(['5. 公开财政收支。', '市财政局牵头', '财审处牵头'], [...roles], above, 1).at).toEqual([
      1, 2, 3,
    ]);
  });
});

describe('placeShortRow and the header', () => {
  it('puts an office (规计处) under the column whose header names 处室 when the cells above say little', () => {
    const roles = ['requirements', 'note', 'responsible'] as const;
    const above = [['3. 公开部门预算。'], ['市财政局牵头'], ['财审处牵头']];
    const headers = ['具体要求', '市里落实单位', '局内负责处室'];
    expect(placeShortRow(['4. 公开债务信息。', '规计处'], [...roles], above, 0, headers).at).toEqual([0, 2]);
    // Two unit columns, no header words, the cells above alike: nothing tells them apart, the cells stay side by side.
    const twoUnitColumns = ['requirements', 'responsible', 'responsible'] as const;
    const alike = [['3. 公开部门预算。'], ['办公室'], ['办公室']];
    expect(placeShortRow(['4. 公开债务信息。', '规计处'], [...twoUnitColumns], alike, 0).at).toEqual([0, 1]);
  });

  it('puts unit names under the units rather than under a column that takes any text', () => {
    const roles = ['requirements', 'note', 'responsible'] as const;
    const above = [['3. 公开部门预算。'], ['市财政局牵头'], ['财审处牵头']];
    expect(placeShortRow(['4. 公开债务信息。', '规计处'], [...roles], above, 0).at).toEqual([0, 2]);
  });
});

describe('what a missing cell can be', () => {
  const roles = ['category', 'title', 'requirements', 'note', 'deadline', 'responsible', 'note'] as const;
  const above = [[], [], [], [], [], [], []];
  it('starts the first row of a table at its first column (nothing above can be merged into it)', () => {
    const cells = ['机构信息', '机构基本信息', '机构名称、地址', '条例', '20个工作日内', '人事科'];
    const first = placeShortRow(cells, [...roles], above, 1, [], { mergeable: roles.map(() => false) });
    expect(first.at[0]).toBe(0);
    expect(first.at).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('in a copied row, leaves out only columns the row above has a cell in', () => {
    const mergeable = [true, false, false, false, false, false, false];
    const p = placeShortRow(['某项', '内容', '依据', '及时', '办公室', '网站'], [...roles], above, 0, [], {
      mergeable,
      emptiesKept: true,
    });
    expect(p.at).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('a placement nearly as likely as another', () => {
  it('is marked as guessed, and the import says so', () => {
    const p = placeShortRow(
      ['做好乙工作。', '办公室'],
      ['title', 'lead', 'responsible'],
      [[], ['办公室'], ['办公室']],
      1,
    );
    expect(p.guessed).toBe(true);
    const r = parsePlan(
      ['类别\t重点任务\t牵头单位\t配合单位', '一类\t1.做好甲工作\t办公室\t办公室', '2.做好乙工作\t办公室'].join('\n'),
      {
        id: 'demo',
      },
    );
    if (!r.ok) throw new Error(r.error.message);
    const w = r.warnings.find((x) => x.code === 'rows.placementGuessed');
    expect(w?.messageZh).toContain('请核对');
    expect(w?.messageZh).toContain('复制的表格');
    expect(w?.data.count).toBe(1);
  });

  it('names the form the rows came in: `|` rows are not called a copied table', () => {
    const r = parsePlan(
      [
        '类别 | 重点任务 | 牵头单位 | 配合单位 |',
        '一类 | 1.做好甲工作 | 办公室 | 办公室 |',
        '2.做好乙工作 | 办公室 |',
      ].join('\n'),
      { id: 'demo' },
    );
    if (!r.ok) throw new Error(r.error.message);
    const w = r.warnings.find((x) => x.code === 'rows.placementGuessed');
    expect(w?.messageZh).toContain('以“|”分隔单元格');
    expect(w?.messageZh).not.toContain('复制');
    expect(w?.message).toContain('| between cells');
    expect(w?.message).not.toContain('copied');
  });

  it('is not marked when the cells above settle it', () => {
    const roles = ['group', 'requirements', 'note', 'responsible'] as const;
    const above = [['(二)做好财政信息公开。'], ['3. 公开部门预算。'], ['市财政局牵头'], ['财审处牵头']];
    expect(
      placeShortRow(['4. 公开债务信息。', '规计处'], [...roles], above, 2, ['', '', '市里落实单位', '局内负责处室'])
        .guessed,
    ).toBe(false);
  });
});

describe('evidence counted, not weighed', () => {
  it('keeps a long requirement under the requirements although a few of its characters are in the headings', () => {
    const roles = ['title', 'requirements', 'responsible'] as const;
    const above = [
      ['推进政策公开', '强化权力配置信息公开', '提升解读咨询水平'],
      [
        '按照“三同步”要求,注重发挥政策参与制定者和专家学者的作用,增强解读的针对性,推动政策实施和预期引导协同发力。',
        '健全本镇行政执法信息全流程公示机制,推进行政许可、行政处罚、行政强制等行政结果全面公开。',
      ],
      ['党政办公室', '党政办公室'],
    ];
    const cells = [
      '完善公平性市场竞争审查、合法性审查等程序,以提升解读质量为出发点,严把解读时效关、形式关和质量关,防止政策解读中的形式主义。',
      '党政办公室',
    ];
    expect(placeShortRow(cells, [...roles], above, 1).at).toEqual([1, 2]);
  });
});

describe('a short row in a task table with a task column and its details', () => {
  const roles = ['no', 'title', 'requirements', 'responsible', 'deadline'] as const;
  const headers = ['序号', '工作任务', '细化分工', '责任处室', '完成时限'];
  const above = [['1'], ['做好常态化疫情防控信息发布'], ['重点围绕散发疫情等发布权威信息'], ['疾控处'], ['长期推进']];

  it('puts the row’s own text under the details, the task column merged from above (the parent of its rows)', () => {
    const p = placeShortRow(
      ['2', '扎实做好疫苗接种信息公开和舆论引导工作', '疾控处', '长期推进'],
      [...roles],
      above,
      1,
      headers,
      {
        mergeable: [true, true, true, true, true],
      },
    );
    expect(p.at).toEqual([0, 2, 3, 4]);
  });

  it('in the 标准目录 format leaves the 二级事项 on its row (its 一级事项 is the merged parent)', () => {
    const catRoles = ['category', 'title', 'requirements', 'deadline'] as const;
    const catHeaders = ['一级事项', '二级事项', '公开内容(要素)', '公开时限'];
    const catAbove = [['组织机构'], ['机构概况'], ['机构职能简介'], ['20个工作日内']];
    const p = placeShortRow(
      ['领导信息', '领导基本信息、工作分工', '20个工作日内'],
      [...catRoles],
      catAbove,
      1,
      catHeaders,
      {
        mergeable: [true, true, true, true],
      },
    );
    expect(p.at).toEqual([1, 2, 3]);
  });

  it('lays a row out as the row above when it has as many cells', () => {
    const r = ['category', 'title', 'note', 'requirements', 'deadline', 'responsible'] as const;
    const cells = ['文件及解读', '政策文件', '印发的政策类文件', '20个工作日内', '综合组'];
    const free = placeShortRow(cells, [...r], [[], [], [], [], [], []], 1, []);
    const same = placeShortRow(cells, [...r], [[], [], [], [], [], []], 1, [], { aboveAt: [0, 1, 3, 4, 5] });
    expect(free.at).not.toEqual([0, 1, 3, 4, 5]);
    expect(same.at).toEqual([0, 1, 3, 4, 5]);
  });
});
