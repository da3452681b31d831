/**
 * A plan file's bytes → the text or HTML the parser reads: .docx (Word 2007+) through mammoth (its tables become an
 * HTML table, its paragraphs <p>), .html / .txt decoded as a browser would (lib/text/decode-bytes.ts). Old Word
 * (.doc), PDF, spreadsheets and other binary files are refused with a message saying what to do instead.
 *
 * Decides: the kind, by the file's first bytes (ZIP with word/document.xml, OLE2, %PDF) and then its name.
 * Does not decide: parsing the plan (parse-plan.ts).
 */
import { decodeBytes } from '../text/decode-bytes';
import { planError, PlanParseError } from './errors';

export type PlanFileInput = { kind: 'html' | 'text'; text: string };

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

function refuse(format: string): never {
  throw new PlanParseError(planError('input.unsupportedFormat', { format }));
}

/** Whether the bytes are a Word 2007+ document (a ZIP holding word/document.xml). */
export function isDocx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ZIP)) return false;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
  return head.includes('word/');
}

/** Reads a plan file; throws PlanParseError (input.unsupportedFormat) for formats it cannot read. */
export async function readPlanFile(name: string, bytes: Uint8Array): Promise<PlanFileInput> {
  const lower = name.toLowerCase();
  if (isDocx(bytes)) {
    const mammoth = await import('mammoth');
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // mammoth takes an ArrayBuffer in the browser build and a Buffer in Node.
    const NodeBuffer = (globalThis as { Buffer?: { from: (b: Uint8Array) => unknown } }).Buffer;
    const input = NodeBuffer ? { buffer: NodeBuffer.from(bytes) } : { arrayBuffer };
    const result = await (mammoth.default ?? mammoth).convertToHtml(input as { arrayBuffer: ArrayBuffer });
    return { kind: 'html', text: `<html><body>${result.value}</body></html>` };
  }
  if (startsWith(bytes, OLE2)) refuse(lower.endsWith('.xls') ? '.xls' : lower.endsWith('.wps') ? '.wps' : '.doc');
  if (startsWith(bytes, PDF)) refuse('PDF');
  if (startsWith(bytes, ZIP)) refuse(lower.endsWith('.xlsx') ? '.xlsx' : 'ZIP');
  const decoded = decodeBytes(bytes);
  if (decoded.text.includes('\u0000')) refuse(name.includes('.') ? name.slice(name.lastIndexOf('.')) : 'binary');
  const html =
    /\.(?:s?html?|xhtml)$/.test(lower) || /^\s*<(?:!doctype|html|head|body|table|div|p)\b/i.test(decoded.text);
  return { kind: html ? 'html' : 'text', text: decoded.text };
}
