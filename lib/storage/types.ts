/**
 * The stored records' types, for code that shows or passes records without opening the database (components/ may
 * not import db.ts: biome.jsonc). Declared, as zod schemas, in records.ts.
 */
export type {
  Audit,
  EditableField,
  Finding,
  FindingEdits,
  MissingElement,
  Rectification,
  Screenshot,
  Severity,
  StoredPage,
  StoredPlan,
  Verdict,
} from './records';
