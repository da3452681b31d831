/** Plan files: a Word (.docx) table read through mammoth; .doc and PDF refused with a message saying what to do. */
import { strToU8, zipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './parse-plan';
import { readPlanFile } from './plan-file';
import { PlanParseError } from './errors';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const row = (cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`;

/** A minimal Word document: a title paragraph and a task table, as a county office would write it. */
function docx(): Uint8Array {
  const body = `${p('某县2023年政务公开工作任务清单')}<w:tbl>${row(['序号', '工作任务', '具体要求', '牵头单位', '责任单位', '完成时限'])}${row(['1', '公开财政预决算', '按规定公开部门预决算。', '县财政局', '县直各部门', '2023年底前'])}${row(['2', '公开行政规范性文件', '集中公开现行有效文件目录。', '县司法局', '县直各部门', '持续推进'])}</w:tbl>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
  });
}

describe('plan files', () => {
  it('reads the task table of a .docx', async () => {
    const input = await readPlanFile('清单.docx', docx());
    expect(input.kind).toBe('html');
    const r = parsePlan(input.text, {
      kind: input.kind,
      id: 'demo',
      parseHtml: (h) => parseHTML(h).document as unknown as Document,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plan.tasks.map((t) => [t.no, t.title, t.lead.units, t.responsible.units, t.deadline])).toEqual([
      ['1', '公开财政预决算', ['县财政局'], ['县直各部门'], '2023年底前'],
      ['2', '公开行政规范性文件', ['县司法局'], ['县直各部门'], '持续推进'],
    ]);
    expect([r.plan.title, r.plan.region, r.plan.year]).toEqual(['某县2023年政务公开工作任务清单', '某县', 2023]);
  });

  it.each([
    ['plan.doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], '.doc'],
    ['plan.pdf', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'PDF'],
  ])('refuses %s, saying what to do', async (name, bytes, format) => {
    const error = await readPlanFile(name, new Uint8Array(bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanParseError);
    const issue = (error as PlanParseError).issue;
    expect(issue.code).toBe('input.unsupportedFormat');
    expect(issue.data.format).toBe(format);
    expect(issue.messageZh).toContain('.docx');
  });
});
