/** `gongkai plan`: a real plan page in, the plan out (human and JSON); re-mapping a column; exit 2 on nothing to import. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';

const CORPUS = resolve(import.meta.dirname, '../../tests/real-plans');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('gongkai plan', () => {
  it('prints a real department list as JSON in the documented shape', async () => {
    const r = await run(['plan', join(CORPUS, 'chizhou-xfj/table.html'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['title', 'region', 'year', 'categories', 'tasks', 'columns', 'warnings']);
    expect(json.tasks).toHaveLength(8);
    expect(json.tasks[0]).toEqual({
      no: '1',
      title: '对行政规范性文件进行全面清理,并向社会公布现行有效行政规范性文件目录。',
      category: '强化行政规范性文件集中规范公开',
      lead: [],
      responsible: ['办公室'],
      deadline: '年底前',
      leadAsPrinted: '',
      responsibleAsPrinted: '办公室',
    });
    expect(json.columns.map((c: { role: string }) => c.role)).toEqual([
      'category',
      'no',
      'title',
      'responsible',
      'deadline',
    ]);
  });

  it('prints the plan for a person, with its warnings, and takes a column re-mapped by hand', async () => {
    const file = join(CORPUS, 'xuancheng-wl-2022/table.html');
    const human = await run(['plan', file]);
    expect(human.code).toBe(0);
    expect(human.out).toContain('行政规范性文件集中公开');
    expect(human.out).toContain('第 4 列“完成情况”未导入方案');
    const remapped = JSON.parse((await run(['plan', file, '--json', '--column', '5=note'])).out);
    expect(remapped.tasks[0].title).toBe('行政规范性文件集中公开');
    expect(remapped.columns[4]).toMatchObject({ header: '备注', role: 'note', used: true });
  });

  it('shows the unit cell as printed beside the names read from it when a dropped prefix was restored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-plan-'));
    const file = join(dir, 'copied.txt');
    writeFileSync(file, '序号\t工作任务\t牵头单位\t责任单位\n1\t公开财政预算\t省发改委、人社厅\t各市\n');
    const json = JSON.parse((await run(['plan', file, '--json'])).out);
    expect(json.tasks[0]).toMatchObject({ lead: ['省发改委', '省人社厅'], leadAsPrinted: '省发改委、人社厅' });
    const human = await run(['plan', file]);
    expect(human.out).toContain('牵头: 省发改委、省人社厅 (原文: 省发改委、人社厅)');
    expect(human.out).not.toContain('责任: 各市 (原文');
  });

  it('exits 2 with one line when nothing can be imported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-plan-'));
    const prose = join(dir, 'prose.txt');
    writeFileSync(prose, '这是一段新闻稿，没有任务表，也没有编号的任务。\n欢迎访问。\n');
    const pdf = join(dir, 'plan.pdf');
    writeFileSync(pdf, '%PDF-1.4\n%âãÏÓ\n1 0 obj\n');
    for (const [file, text] of [
      [prose, 'nothing imported'],
      [pdf, 'PDF'],
      [join(dir, 'missing.html'), 'no such file'],
    ] as const) {
      const r = await run(['plan', file]);
      expect(r.code, file).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(text);
    }
  });
});
