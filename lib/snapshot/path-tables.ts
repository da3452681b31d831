/**
 * The page reader's memory of the snapshots it has numbered (taken with `deferPaths`): each gets a table number
 * (`PageSnapshot.pathTable`), and the paths of its pieces are computed when the panel asks for the ones it reports.
 * The last few tables are kept (two views of the panel may each read the page); an older or unknown table gives empty
 * paths — never the paths of another snapshot's pieces.
 */
import { pathsOf } from './locator';
import { deferredElements } from './take-snapshot';
import type { PageSnapshot } from './types';

/** Tables kept: the panel reads a page for its page view and, at most, for the self-check and a finding's reveal. */
const KEPT_TABLES = 4;

export class PathTables {
  private readonly tables = new Map<number, Element[]>();
  private last = 0;

  /** Numbers the snapshot's table (sets `pathTable`) and keeps it, forgetting the oldest past KEPT_TABLES. */
  keep(snapshot: PageSnapshot): PageSnapshot {
    const elements = deferredElements(snapshot);
    if (!elements) return snapshot;
    this.last += 1;
    this.tables.set(this.last, elements);
    snapshot.pathTable = this.last;
    for (const id of this.tables.keys()) {
      if (this.tables.size <= KEPT_TABLES) break;
      this.tables.delete(id);
    }
    return snapshot;
  }

  /** The paths of `refs` in table `table`, computed from the page as it stands; '' for each when the table is gone. */
  paths(table: number, refs: readonly number[]): string[] {
    const elements = this.tables.get(table);
    return elements ? pathsOf(elements, refs) : refs.map(() => '');
  }
}
