/**
 * The one registry of checks. Adding a check: one file in lib/checks (a header saying what it decides and what not,
 * a pure `run`), one line here, fixtures under lib/checks/fixtures/<id>/, its messages in public/_locales.
 * A meta-test proves every check file is registered and has fixtures.
 */
import { columnFreshness } from './column-freshness';
import { interpretationLink } from './interpretation-link';
import { metadataBlock } from './metadata-block';
import { pageMetaTags } from './page-meta-tags';
import { periodicCoverage } from './periodic-coverage';
import { privacyLeaks } from './privacy-leaks';
import { templateElements } from './template-elements';
import type { Check } from './types';
import { validityMark } from './validity-mark';

export const CHECKS = [
  templateElements,
  metadataBlock,
  pageMetaTags,
  columnFreshness,
  periodicCoverage,
  privacyLeaks,
  interpretationLink,
  validityMark,
] as const satisfies ReadonlyArray<Check<unknown>>;

export type CheckId = (typeof CHECKS)[number]['id'];

export const CHECKS_BY_ID: ReadonlyMap<string, Check<unknown>> = new Map(
  CHECKS.map((c) => [c.id, c as Check<unknown>]),
);
