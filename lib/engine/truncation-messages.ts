/**
 * What a snapshot's caps left out, in the user's words: one message per part cut short ("页面过大，只读取了前 N 个列表项…").
 * Every view of a report (panel, command line, self-check) says these; deciding the caps is the snapshot's job.
 */
import { message, type Message } from '../checks/types';
import type { Truncation } from '../snapshot/types';

export function truncationMessages(truncation: readonly Truncation[] | undefined): Message[] {
  return (truncation ?? []).map((t) => message(`pageTruncated_${t.part.replace(/-/g, '_')}`, t.kept));
}
