/**
 * `--plan`: a bundled plan id (default luoyuan-2017), or the path of a plan JSON file (validated), or a plan source
 * (.txt/.html) to parse. The validator (zod) and the plan reader load only for a plan file: a bundled plan is data
 * already, and `check` of a URL streams the page (up to 50 MB) before the engine loads (main.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Plan } from '../plan/model';
import { bundledPlans, templates } from '../../seeds/index';
import { decodeBytes } from '../text/decode-bytes';
import { CliInputError } from './load-page';

export const DEFAULT_PLAN_ID = 'luoyuan-2017';

export async function resolvePlan(spec: string | undefined): Promise<Plan> {
  const id = spec ?? DEFAULT_PLAN_ID;
  const bundled = bundledPlans.find((p) => p.id === id);
  if (bundled) return bundled;
  if (!/[./\\]/.test(id))
    throw new CliInputError(
      `unknown plan: ${id} (bundled: ${bundledPlans.map((p) => p.id).join(', ')}; or give a plan file)`,
    );
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(id));
  } catch {
    throw new CliInputError(`unknown plan: no plan ${id} and no such file`);
  }
  const text = decodeBytes(bytes).text;
  if (/\.json$/i.test(id)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CliInputError(`${id} is not valid JSON`);
    }
    const { loadPlan } = await import('../plan/validate');
    const loaded = loadPlan(json, templates);
    if (!loaded.ok) throw new CliInputError(`${id}: ${loaded.error.message}`);
    return loaded.plan;
  }
  // Parsed as a browser parses it, by the same loader as pages (lib/html/parse-html.ts), loaded only when needed (the
  // parser weighs ~30 MB: a `check` of a URL streams the page before it is loaded, see fetch-url.ts).
  const [{ parseHtmlDocument }, { parsePlan }] = await Promise.all([
    import('../html/parse-html'),
    import('../plan/parse-plan'),
  ]);
  const parsed = parsePlan(text, { parseHtml: parseHtmlDocument });
  if (!parsed.ok) throw new CliInputError(`${id}: ${parsed.error.message}`);
  return parsed.plan;
}
