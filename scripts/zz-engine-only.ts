import { benchEngine } from './bench/engine-bench';
import { generatePortalPage } from './bench/generate-portal-page';
const e = await benchEngine(generatePortalPage(10_000), 21, false);
console.log(
  process.cwd(),
  'engine',
  e.engineMs.toFixed(2),
  'bare',
  e.bareMs.toFixed(2),
  'ratio',
  (e.engineMs / e.bareMs).toFixed(1),
  e.engineOutput,
);
