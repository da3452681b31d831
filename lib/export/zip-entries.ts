/**
 * Reading named entries of a zip without trusting it: the central directory is read first (names, methods, sizes,
 * where each entry's data starts), and only the entries asked for are inflated — in small steps, counting the bytes,
 * stopping the moment an entry grows past its cap or, past 16 MiB, unpacks more than 100× (MAX_RATIO). A zip bomb (a
 * few MB that unpack to gigabytes) is refused after at most one step past 16 MiB, or before any inflating when its
 * directory already declares too much; entries nobody asked for are never inflated at all.
 *
 * Decides: the structure a zip must have (end of central directory, central entries, local headers; stored or deflated
 * entries; no ZIP64, no encryption) and the `ZipEntryError`s a reader gets. Does not decide: which entries are asked
 * for nor the caps (zip.ts).
 */
import { Inflate } from 'fflate';

export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As the directory declares it (a bomb may lie; inflating counts for real). */
  declaredSize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export type ZipEntryError =
  | { kind: 'corrupt'; detail: string }
  /** `declared`: the directory says so; `size`: it unpacked past the cap; `ratio`: past RATIO_GRACE it unpacked to
   * more than MAX_RATIO times the compressed bytes read — a bomb, refused before it reaches the cap. */
  | { kind: 'tooLarge'; name: string; limit: number; reason: 'declared' | 'size' | 'ratio' };

export class ZipReadError extends Error {
  constructor(readonly problem: ZipEntryError) {
    super(problem.kind === 'corrupt' ? problem.detail : `${problem.name} > ${problem.limit} bytes`);
  }
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const corrupt = (detail: string) => new ZipReadError({ kind: 'corrupt', detail });

/** The central directory's entries, by name. Throws ZipReadError. */
export function zipDirectory(bytes: Uint8Array): Map<string, ZipEntryInfo> {
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt('no end of central directory');
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw corrupt('ZIP64 archives are not read');
  const entries = new Map<string, ZipEntryInfo>();
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw corrupt(`central entry ${n + 1}`);
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const declaredSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const offset = u32(bytes, at + 42);
    if (at + 46 + nameLength > bytes.length) throw corrupt(`central entry ${n + 1}: name`);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) throw corrupt(`${name}: encrypted`);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || offset === 0xffffffff)
      throw corrupt(`${name}: ZIP64 entries are not read`);
    if (!entries.has(name)) entries.set(name, { name, method, compressedSize, declaredSize, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where the entry's data starts (after its local header). */
function dataStart(bytes: Uint8Array, entry: ZipEntryInfo): number {
  const at = entry.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw corrupt(`${entry.name}: local header`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) throw corrupt(`${entry.name}: cut off`);
  return start;
}

/** Compressed bytes handed to the inflater at a time: one step inflates to at most ~16 MB. */
const STEP = 16 * 1024;
/** The smallest compression ratio that is a bomb (Apache POI's ZipSecureFile refuses entries inflating more than 100×
 * — its "min inflate ratio" 0.01); JSON and images stay far below it. Checked once an entry passes RATIO_GRACE. */
export const MAX_RATIO = 100;
const RATIO_GRACE = 16 * 1024 * 1024;

/** The entry's bytes, at most `limit` of them (ZipReadError `tooLarge` beyond, `corrupt` for a broken entry). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntryInfo, limit: number): Uint8Array {
  if (entry.declaredSize > limit)
    throw new ZipReadError({ kind: 'tooLarge', name: entry.name, limit, reason: 'declared' });
  const start = dataStart(bytes, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > limit) throw new ZipReadError({ kind: 'tooLarge', name: entry.name, limit, reason: 'size' });
    return data.slice();
  }
  if (entry.method !== 8) throw corrupt(`${entry.name}: compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let consumed = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit) throw new ZipReadError({ kind: 'tooLarge', name: entry.name, limit, reason: 'size' });
    if (size > RATIO_GRACE && size > MAX_RATIO * consumed)
      throw new ZipReadError({ kind: 'tooLarge', name: entry.name, limit, reason: 'ratio' });
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length || (i === 0 && data.length === 0); i += STEP) {
      consumed = Math.min(data.length, i + STEP);
      inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    }
  } catch (error) {
    if (error instanceof ZipReadError) throw error;
    throw corrupt(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!ended) throw corrupt(`${entry.name}: cut off`);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
