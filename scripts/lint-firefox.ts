/**
 * `npm run lint:firefox`: builds the Firefox package and runs Mozilla's store linter on it (web-ext lint, through its
 * API: offline, no browser). Exit 1 on any error or warning — what a store reviewer would be shown. Part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import webExt from 'web-ext';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = resolve(ROOT, '.output/firefox-mv2');

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
}
interface LintResult {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const result = (await webExt.cmd.lint(
    { sourceDir: SOURCE, output: 'none', boring: true, warningsAsErrors: false, selfHosted: false },
    { shouldExitProgram: false },
  )) as LintResult;
  const { errors, warnings, notices } = result.summary;
  console.log(`web-ext lint .output/firefox-mv2: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  for (const m of [...result.errors, ...result.warnings, ...result.notices])
    console.log(
      `  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}${m.description ? `: ${m.description}` : ''}`,
    );
  if (errors > 0 || warnings > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
