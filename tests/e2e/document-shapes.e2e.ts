/**
 * Document shapes (lib/html/fixtures/shapes: a fragment, no <head>, no <body>, a BOM, a comment before the doctype,
 * XHTML, uppercase tags, content in <head>, text only, …) read by real Chromium and by the command line's loader:
 * the trees agree node for node, and the unmasked 公民身份号码 in each shape is caught by the panel — both reading the
 * page in the tab and checking the same HTML pasted into 自查. (The command line's gate on the same files:
 * lib/cli/document-shapes.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treeOutline } from '../../lib/html/fixtures/tree-outline';
import { parseHtmlDocument } from '../../lib/html/parse-html';
import { decodeBytes } from '../../lib/text/decode-bytes';
import { launchWithExtension, openPanelFor, type ExtensionSession } from '../../scripts/lib/extension-harness';

const SHAPES = join(import.meta.dirname, '../../lib/html/fixtures/shapes');
const shapes = readdirSync(SHAPES).filter((f) => f.endsWith('.html'));
const CONTENT_TYPE = 'text/html; charset=utf-8';

let server: Server;
let origin: string;
let session: ExtensionSession;

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? '').slice(1);
    if (!shapes.includes(name)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPE });
    res.end(readFileSync(join(SHAPES, name)));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await new Promise((done) => server?.close(done));
});

/** The tree of the page in `tab` (as loaded) or of `html` parsed by the paste box's parser, DOMParser. */
async function browserOutline(tab: Page, html?: string): Promise<string[]> {
  const source = treeOutline.toString();
  return tab.evaluate(
    ([fn, text]) => {
      // The outline function comes from Node as source text, so both DOMs run the same code.
      const outline = new Function(`return (${fn})`)() as (doc: Document) => string[];
      return outline(text === null ? document : new DOMParser().parseFromString(text, 'text/html'));
    },
    [source, html ?? null] as const,
  );
}

describe('document shapes: Chromium and the command line read the same tree', () => {
  it('covers the shapes the loader must handle', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(9);
  });

  it.each(shapes)('%s', async (name) => {
    const text = decodeBytes(readFileSync(join(SHAPES, name)), CONTENT_TYPE).text;
    const cli = treeOutline(parseHtmlDocument(text));
    const tab = await session.context.newPage();
    await tab.goto(`${origin}/${name}`);
    expect(await browserOutline(tab)).toEqual(cli);
    expect(await browserOutline(tab, text)).toEqual(cli);

    // The panel, reading the page in the tab, then the same text pasted into 自查: the leak is caught both times.
    const panel = await openPanelFor(session, tab);
    await panel.locator('[data-mode="self"]').click();
    await panel.locator('[data-self-item="privacy"]').waitFor();
    expect(await panel.locator('[data-field="self-verdict"]').getAttribute('data-publishable')).toBe('false');
    await panel.locator('[data-action="self-paste-mode"]').click();
    await panel.locator('[data-self-item="privacy"]').waitFor({ state: 'detached' });
    await panel.locator('#self-html').fill(text);
    await panel.locator('[data-action="self-run"]').click();
    await panel.locator('[data-self-item="privacy"]').waitFor();
    const shown = await panel.locator('[data-field="selfcheck"]').innerText();
    expect(shown).toContain('350123********1530');
    expect(shown).not.toContain('350123198503121530');
    expect(await panel.locator('[data-field="self-verdict"]').getAttribute('data-publishable')).toBe('false');
    await panel.close();
    await tab.close();
  });
});
