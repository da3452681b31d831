/**
 * Sends a request of the protocol to the content script of a tab (its top frame) and types the answer by the
 * request's type (ContentResponses). The one place the untyped runtime answer is given its type; undefined when
 * nothing answered. Errors (no reader in the tab, navigation) are the caller's to handle.
 */
import { browser } from 'wxt/browser';
import type { ContentRequest, ContentResponse } from './protocol';

export async function sendToPage<R extends ContentRequest>(
  tabId: number,
  request: R,
): Promise<ContentResponse<R> | undefined> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, request, { frameId: 0 });
  return (answer ?? undefined) as ContentResponse<R> | undefined;
}
