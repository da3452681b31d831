/**
 * The one registry of checks, in the order their results are shown. Adding a check: one file in lib/checks (a header
 * saying what it decides and what not, where it applies — `appliesTo` — and a pure `run`), one line here, fixtures
 * under lib/checks/fixtures/<id>/, its messages in public/_locales. The engine plans every check from its own
 * declaration (lib/engine/select-checks.ts): nothing else to edit. Meta-tests prove every check file is registered,
 * declares where it applies and has fixtures.
 */
import { columnFreshness } from './column-freshness';
import { interpretationLink } from './interpretation-link';
import { metadataBlock } from './metadata-block';
import { pageGone } from './page-gone';
import { pageMetaTags } from './page-meta-tags';
import { periodicCoverage } from './periodic-coverage';
import { privacyLeaks } from './privacy-leaks';
import { templateElements } from './template-elements';
import type { Check } from './types';
import { validityMark } from './validity-mark';

export const CHECKS = [
  pageGone,
  privacyLeaks,
  pageMetaTags,
  columnFreshness,
  periodicCoverage,
  interpretationLink,
  validityMark,
  metadataBlock,
  templateElements,
] as const satisfies ReadonlyArray<Check<unknown>>;

export type CheckId = (typeof CHECKS)[number]['id'];

export const CHECKS_BY_ID: ReadonlyMap<string, Check<unknown>> = new Map(
  CHECKS.map((c) => [c.id, c as Check<unknown>]),
);
