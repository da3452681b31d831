/**
 * What an image's first bytes say it is. Screenshots are accepted by their bytes only (PNG, JPEG, WebP), never by a
 * name or a declared MIME type: an SVG or HTML file calling itself a PNG could carry script into a report.
 *
 * Decides: the three accepted formats and their signatures. Does not decide: what a caller does with a refusal.
 */
export type ImageKind = 'image/png' | 'image/jpeg' | 'image/webp';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/** The image format of these bytes, or null when they are not a PNG, JPEG or WebP image. */
export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF <size> WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
}

/** A few words for a refusal: what the bytes look like instead (`SVG`, `HTML`, `12 bytes`…). */
export function describeNotImage(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 256))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'SVG';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<')) return 'HTML/XML';
  return `${bytes.length} bytes, not PNG/JPEG/WebP`;
}
