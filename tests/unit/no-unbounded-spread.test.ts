/**
 * A spread of an array into a call (`push(...rows)`, `Math.max(...values)`) passes every element as an argument:
 * past about 100,000 elements the stack overflows (a page of 130,000 dated rows crashed the command line that way).
 * No code in lib/ or components/ may spread into a call; a fixed-size chunk (`fromCharCode(...bytes.subarray(i, i +
 * 0x8000))`) is the one allowed form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** `name(... x)` or `name(a, ...x)`: a spread argument of a call (not an array or object literal). */
const CALLS = 'push|unshift|max|min|fromCharCode|fromCodePoint|splice|concat|apply|append|prepend|replaceChildren';
const SPREAD_CALL = new RegExp(`\\b(${CALLS})\\((?:[^(){}[\\]]*,\\s*)?\\.\\.\\.`);
/** The same call with its spread argument on the next line. */
const OPEN_CALL = new RegExp(`\\b(${CALLS})\\(\\s*$`);
const CHUNKED = /subarray\(\s*\w+\s*,\s*\w+\s*\+\s*0x[0-9a-f]+\s*\)/i;

describe('no spread of unbounded arrays into calls', () => {
  const files = [...sources(resolve(ROOT, 'lib')), ...sources(resolve(ROOT, 'components'))];

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('has no push(...rows), Math.max(...values) and the like in lib/ or components/', () => {
    const found: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i, all) => {
          if (/^\s*(\/\/|\*)/.test(line)) return; // comments may name the pattern
          const split = /^\s*\.\.\./.test(line) && OPEN_CALL.test(all[i - 1] ?? '');
          if ((SPREAD_CALL.test(line) || split) && !CHUNKED.test(line))
            found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
