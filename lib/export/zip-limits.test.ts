/** Reading an audit zip that is hostile: bombs refused without being unpacked whole, unnamed entries never inflated,
 * "screenshots" that are not images refused, sizes bounded by what audit.json declares. */
import 'fake-indexeddb/auto';
import { deflateSync, inflateSync, strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAudit } from '../../tests/helpers/import-testing';
import { freshDb } from '../../tests/helpers/storage-testing';
import { loadAuditData } from './audit-data';
import { rawZip, zeroBomb } from '../../tests/helpers/zip-bomb';
import { ZIP_LIMITS, auditZip, readAuditZip } from './zip';
import { readZipEntry, zipDirectory } from './zip-entries';

let db: Awaited<ReturnType<typeof freshDb>>;
let json: Uint8Array;
let shotName: string;
let shotBytes: Uint8Array;
beforeAll(async () => {
  db = await freshDb('zip-limits');
  const audit = await buildAudit(db);
  const entries = unzipSync(await auditZip(await loadAuditData(db, audit.id)));
  json = entries['audit.json']!;
  shotName = Object.keys(entries).find((n) => n.startsWith('screenshots/'))!;
  shotBytes = entries[shotName]!;
});
afterAll(() => db.dispose());

const err = (r: ReturnType<typeof readAuditZip>) => (r.ok ? 'ok' : `${r.error.code} ${r.error.detail}`);

describe('zip bombs and hostile entries', () => {
  it('the bomb generator is honest: 13 bits per 258 zero bytes', () => {
    expect(zeroBomb(40_000).length).toBeLessThan(66_000);
    const out = inflateSync(zeroBomb(1000));
    expect(out.length).toBe(1 + 258 * 1000);
    expect(out.every((b) => b === 0)).toBe(true);
  });

  it('refuses an audit.json that unpacks past its cap while its directory claims a small size', () => {
    // The cap is 256 MiB (ZIP_LIMITS); a smaller one keeps the test light on a shared machine — same code path.
    expect(ZIP_LIMITS.auditJson).toBe(256 * 1024 * 1024);
    const bomb = zeroBomb(40_000); // 10,320,001 bytes
    const zip = rawZip([
      { name: 'audit.json', data: bomb, method: 8, declaredSize: 1000 },
      { name: shotName, data: shotBytes, method: 0 },
    ]);
    expect(err(readAuditZip(zip, { ...ZIP_LIMITS, auditJson: 8 * 1024 * 1024 }))).toBe('zipTooLarge audit.json > 8 MB');
  });

  it('refuses a bomb by its ratio once it passes 16 MiB, long before the 256 MiB cap', () => {
    // 1.6 MB of deflate that would unpack to 256 MiB + 258 KiB: refused at 16 MiB (160:1).
    const zip = rawZip([
      { name: 'audit.json', data: zeroBomb(1_041_000), method: 8, declaredSize: 1000 },
      { name: shotName, data: shotBytes, method: 0 },
    ]);
    expect(err(readAuditZip(zip))).toBe('zipTooLarge audit.json: unpacks to more than 100× its compressed size');
  });

  it('accepts a big audit.json (many findings: well compressible, under 100×) past 16 MiB', () => {
    const file = JSON.parse(new TextDecoder().decode(json));
    // 16,000 findings like the audit's own, on as many pages: the shape of a long audit.
    const findings = Array.from({ length: 16_000 }, (_, i) => {
      const f = file.findings[i % file.findings.length];
      return { ...f, id: `f-${(i * 2654435761).toString(16).padStart(32, '0')}`, url: `${f.url}?page=${i}`, seq: i };
    });
    const body = strToU8(
      JSON.stringify({
        ...file,
        findings: findings.map((f) => ({ ...f, pageId: null, screenshotIds: [] })),
        screenshots: [],
      }),
    );
    expect(body.length).toBeGreaterThan(16 * 1024 * 1024);
    const compressed = deflateSync(body);
    expect(body.length / compressed.length).toBeLessThan(100);
    const zip = rawZip([{ name: 'audit.json', data: compressed, method: 8 }]);
    expect(err(readAuditZip(zip))).toBe('ok');
  });

  it('refuses an entry whose directory declares more than the cap, before inflating anything', () => {
    // Data that is not deflate at all: inflating it would fail as corrupt, so tooLarge proves nothing was inflated.
    const zip = rawZip([{ name: 'audit.json', data: new Uint8Array(64).fill(0xff), method: 8, declaredSize: 4e9 }]);
    expect(err(readAuditZip(zip))).toBe('zipTooLarge audit.json > 256 MB (declared)');
  });

  it('never inflates entries audit.json does not name (a 6 GiB bomb beside it is ignored)', () => {
    // Broken deflate data declaring 4 GB: inflating it at all would fail.
    const zip = rawZip([
      { name: 'audit.json', data: deflateSync(json), method: 8 },
      { name: shotName, data: shotBytes, method: 0 },
      { name: 'bomb.bin', data: new Uint8Array(6_300_000).fill(0xff), method: 8, declaredSize: 4_000_000_000 },
    ]);
    const read = readAuditZip(zip);
    expect(err(read)).toBe('ok');
    expect(read.ok && [...read.images.values()].map((b) => b.type)).toEqual(['image/png']);
  });

  it('a screenshot may not unpack past the size audit.json declares for it', () => {
    const zip = rawZip([
      { name: 'audit.json', data: json, method: 0 },
      { name: shotName, data: zeroBomb(100_000), method: 8, declaredSize: shotBytes.length },
    ]);
    expect(err(readAuditZip(zip))).toMatch(/^zipMissingScreenshot screenshots\/.*: more than the 3000 bytes expected$/);
  });

  it('refuses a declared screenshot size over the cap', () => {
    const file = JSON.parse(new TextDecoder().decode(json));
    file.screenshots[0].size = ZIP_LIMITS.screenshot + 1;
    const zip = rawZip([
      { name: 'audit.json', data: strToU8(JSON.stringify(file)), method: 0 },
      { name: shotName, data: shotBytes, method: 0 },
    ]);
    expect(err(readAuditZip(zip))).toMatch(/^zipTooLarge screenshots\/.*\(declared\)$/);
  });

  for (const [what, body, kind] of [
    ['an SVG', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>', 'SVG'],
    ['an HTML page', '<!doctype html><html><body><script>alert(1)</script></body></html>', 'HTML/XML'],
  ] as const) {
    it(`refuses a "screenshot" that is ${what}, whatever the file says its type is`, () => {
      const bytes = strToU8(body);
      const file = JSON.parse(new TextDecoder().decode(json));
      file.screenshots[0].size = bytes.length;
      file.screenshots[0].type = 'image/png';
      const zip = rawZip([
        { name: 'audit.json', data: strToU8(JSON.stringify(file)), method: 0 },
        { name: shotName, data: bytes, method: 0 },
      ]);
      expect(err(readAuditZip(zip))).toBe(`zipScreenshotNotImage ${shotName}: ${kind}`);
    });
  }

  it('types a screenshot by its bytes: a JPEG that says it is a PNG is read as a JPEG', () => {
    const jpeg = new Uint8Array(shotBytes.length).fill(1);
    jpeg.set([0xff, 0xd8, 0xff, 0xe0]);
    const zip = rawZip([
      { name: 'audit.json', data: json, method: 0 },
      { name: shotName, data: jpeg, method: 0 },
    ]);
    const read = readAuditZip(zip);
    expect(read.ok && [...read.images.values()][0]!.type).toBe('image/jpeg');
  });

  it('zipDirectory / readZipEntry: reads stored and deflated entries, refuses a cut-off entry', () => {
    const zip = rawZip([
      { name: 'a.txt', data: strToU8('hello'), method: 0 },
      { name: 'b.txt', data: deflateSync(strToU8('你好'.repeat(100))), method: 8, declaredSize: 600 },
    ]);
    const dir = zipDirectory(zip);
    expect([...dir.keys()]).toEqual(['a.txt', 'b.txt']);
    expect(new TextDecoder().decode(readZipEntry(zip, dir.get('b.txt')!, 1000))).toBe('你好'.repeat(100));
    const cut = rawZip([{ name: 'b.txt', data: deflateSync(strToU8('你好'.repeat(100))).slice(0, 5), method: 8 }]);
    expect(() => readZipEntry(cut, zipDirectory(cut).get('b.txt')!, 1000)).toThrow(/b\.txt/);
  });
});
