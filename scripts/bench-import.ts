/**
 * `npx tsx scripts/bench-import.ts`: figures for bad-input imports (printed, never asserted in tests): how long a zip
 * bomb takes to be refused — one whose directory lies about its size (inflated until its ratio gives it away) and one
 * beside a valid audit (never inflated) — and how long a restore of a broken backup takes to be refused.
 */
import 'fake-indexeddb/auto';
import '../lib/import/node-globals';
import { deflateSync, unzipSync } from 'fflate';
import { loadAuditData } from '../lib/export/audit-data';
import { auditZip, readAuditZip } from '../lib/export/zip';
import { rawZip, zeroBomb } from '../tests/helpers/zip-bomb';
import { backupDatabase, restoreDatabase } from '../lib/import/backup';
import { buildAudit, dumpDb } from '../tests/helpers/import-testing';
import { freshDb } from '../tests/helpers/storage-testing';

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

async function main(): Promise<void> {
  const db = await freshDb('bench-import');
  const audit = await buildAudit(db);
  const entries = unzipSync(await auditZip(await loadAuditData(db, audit.id)));
  const shot = Object.keys(entries).find((n) => n.startsWith('screenshots/'))!;

  // 40 MB of deflate that unpack to 6 GiB (fixed Huffman: 13 bits per 258 bytes).
  const bomb = zeroBomb(Math.ceil((6 * 1024 ** 3) / 258));
  const lying = rawZip([
    { name: 'audit.json', data: bomb, method: 8, declaredSize: 1000 },
    { name: shot, data: entries[shot]!, method: 0 },
  ]);
  const [a, lyingMs] = time(() => readAuditZip(lying));
  console.log(
    `zip of ${(lying.length / 1e6).toFixed(1)} MB whose audit.json unpacks to 6 GiB (size hidden): ${a.ok ? 'ACCEPTED' : a.error.code} in ${lyingMs.toFixed(0)} ms`,
  );
  const beside = rawZip([
    { name: 'audit.json', data: deflateSync(entries['audit.json']!), method: 8 },
    { name: shot, data: entries[shot]!, method: 0 },
    { name: 'bomb.bin', data: bomb, method: 8, declaredSize: 4_000_000_000 },
  ]);
  const [b, besideMs] = time(() => readAuditZip(beside));
  console.log(
    `valid audit zip with a 6 GiB bomb entry it does not name (${(beside.length / 1e6).toFixed(1)} MB): ${b.ok ? 'read, bomb not inflated' : b.error.code} in ${besideMs.toFixed(0)} ms`,
  );

  const json = JSON.parse(await (await backupDatabase(db)).text());
  delete json.data.data.find((t: { tableName: string }) => t.tableName === 'findings').rows[3].id;
  const before = JSON.stringify(await dumpDb(db));
  const start = performance.now();
  const r = await restoreDatabase(db, new Blob([JSON.stringify(json)]));
  const ms = performance.now() - start;
  const same = JSON.stringify(await dumpDb(db)) === before;
  console.log(
    `restore of a backup with one findings row without id: ${r.ok ? 'RESTORED' : r.error.code} in ${ms.toFixed(0)} ms, database ${same ? 'unchanged' : 'CHANGED'}`,
  );
  await db.dispose();
}

void main();
