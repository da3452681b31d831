import { describe, expect, it } from 'vitest';
import { withoutCodeFromStrings } from './no-code-from-strings';

describe('no code from strings in the built extension', () => {
  it('turns every Function(...) call, with or without new, into one that throws EvalError', () => {
    const polyfills = [
      "var g = typeof self == 'object' && self || Function('return this')();",
      'if (typeof cb !== "function") cb = new Function("" + cb);',
      "try { return Function(''), true } catch { return false }",
    ];
    for (const code of polyfills) {
      const safe = withoutCodeFromStrings(code);
      expect(safe).not.toMatch(/(?<![\w$.])Function\s*\(/);
      expect(safe).toContain('EvalError');
    }
    // The eval probe now answers as an extension page's CSP does: no eval.
    const probe = withoutCodeFromStrings("try { return Function(''), true } catch { return false }");
    expect(new Function(`return (() => { ${probe} })()`)()).toBe(false);
  });

  it("disables preact's dangerouslySetInnerHTML sink (minified form)", () => {
    const diff = 'f?(s||p&&(f.__html==p.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[]):0';
    const safe = withoutCodeFromStrings(diff);
    expect(safe).not.toMatch(/\.innerHTML=/);
    expect(safe).toContain('f.__html==e.innerHTML'); // reading is no sink
    expect(withoutCodeFromStrings('t.innerHTML = h.__html')).not.toMatch(/innerHTML\s*=/); // as printed before minifying
  });

  it('leaves other uses of the names alone', () => {
    const code = 'x instanceof Function; Function.prototype.call; isFunction(y); o.totalsRowFunction(z); a.innerHTML';
    expect(withoutCodeFromStrings(code)).toBe(code);
  });
});
