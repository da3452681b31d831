/**
 * The publishing gate on every document shape of lib/html/fixtures/shapes (a fragment, no <head>, no <body>, a BOM,
 * XHTML, uppercase tags, text only, …): each holds an unmasked 公民身份号码, so `gongkai check --fail-on privacy` must
 * exit 1 on each. (That real Chromium reads the same tree: tests/e2e/document-shapes.e2e.ts.)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../tests/helpers/run-cli';

const SHAPES = join(import.meta.dirname, '../html/fixtures/shapes');
const shapes = readdirSync(SHAPES).filter((f) => f.endsWith('.html'));

const check = (...argv: string[]) => runCliCaptured(['check', ...argv]);

describe('gongkai check --fail-on privacy on every document shape', () => {
  it.each(shapes)('%s fails the gate, the ID shown masked', async (name) => {
    const { code, out, err } = await check(join(SHAPES, name), '--fail-on', 'privacy', '--json');
    expect(err).toBe('');
    expect(code).toBe(1);
    const privacy = JSON.parse(out).results.find((r: { checkId: string }) => r.checkId === 'privacy-leaks');
    expect(privacy.status).toBe('fail');
    expect(out).not.toContain('350123198503121530');
  });

  it('the issue’s reproduction: <html><body> with no <head>', async () => {
    const { code, out } = await check(join(SHAPES, 'no-head.html'), '--fail-on', 'privacy');
    expect(code).toBe(1);
    expect(out).toContain('0 passed, 1 failed');
  });
});
