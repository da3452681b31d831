/**
 * A build plugin for what store reviewers look for in the shipped code (web-ext lint), applied to every built chunk:
 * - `Function(...)` calls — only bundled dependencies make them (global-object fallbacks such as
 *   `Function('return this')()`, setImmediate and regenerator polyfills, zod's eval probe, underscore's template
 *   compiler) — become calls of a function that throws EvalError. An extension page's CSP already blocks them with
 *   the same EvalError, so behaviour is unchanged; no string evaluation ships.
 * - Preact's one HTML sink, `dangerouslySetInnerHTML` (`el.innerHTML = props.__html`), throws instead: our code never
 *   uses it (biome.jsonc forbids it), so page text can never reach the DOM as HTML, even by a later mistake.
 */
import type { Plugin } from 'vite';

const CALL = /(?<![\w$.])Function\s*\(/g;
const BLOCKED_CALL = '(function(){throw new EvalError("Gongkai Inspector: code from strings is never evaluated")})(';
const HTML_SINK = /([\w$]+)\.innerHTML\s*=(?!=)\s*([\w$]+)\.__html/g;
const BLOCKED_SINK = '(()=>{throw new Error("Gongkai Inspector: dangerouslySetInnerHTML is not used")})()';

export function withoutCodeFromStrings(code: string): string {
  return code.replace(CALL, BLOCKED_CALL).replace(HTML_SINK, BLOCKED_SINK);
}

export function noCodeFromStrings(): Plugin {
  return {
    name: 'gongkai:no-code-from-strings',
    // On the minified chunk: the minifier inlines aliases (zod's `const F = Function; new F('')`).
    renderChunk(code) {
      const safe = withoutCodeFromStrings(code);
      return safe === code ? null : { code: safe, map: null };
    },
  };
}
