/**
 * `npm run eval:plans` — the importer against the real-plan corpus (tests/real-plans/): per plan and form, tasks fully
 * right (number, title, category, lead and responsible units, deadline) over the hand-checked total, the warnings
 * given, and any loss not warned. Exit code 1 when a form falls under 95 % or loses something silently.
 */
import { importForm, loadCorpus, score } from '../tests/real-plans/corpus';

let failed = false;
let right = 0;
let total = 0;
for (const plan of loadCorpus()) {
  for (const form of plan.forms) {
    const result = importForm(form.input, form.kind);
    const s = score(plan.expected, result);
    right += Math.max(0, s.right);
    total += s.total;
    const share = s.total === 0 ? 1 : s.right / s.total;
    if ((share < 0.95 && !s.refused) || s.unwarned.length > 0 || s.error) failed = true;
    const warnings = result.ok ? result.warnings.map((w) => w.code) : [];
    const counts = [...new Set(warnings)].map((c) => `${c}×${warnings.filter((x) => x === c).length}`).join(' ');
    console.log(
      `${plan.id.padEnd(26)} ${form.form.padEnd(10)} ${`${s.right}/${s.total}`.padStart(6)}  ${s.refused ? 'refused as labelled ' : ''}${s.error ?? ''}${counts || '—'}`,
    );
    for (const m of s.misses) console.log(`    miss: ${m}`);
    for (const u of s.unwarned) console.log(`    LOST WITHOUT WARNING: ${u}`);
  }
}
console.log(`\nall forms: ${right}/${total} tasks fully right (${((100 * right) / Math.max(1, total)).toFixed(1)} %)`);
process.exitCode = failed ? 1 : 0;
