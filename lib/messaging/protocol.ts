/**
 * The one message protocol between the extension's pages and the content script.
 * Every message is a plain object with a `type`; the content script answers only the types listed here.
 */
import type { PageDescription } from '../page/page-description';

export const DESCRIBE_PAGE = 'gongkai/describe-page' as const;

export interface DescribePageRequest {
  type: typeof DESCRIBE_PAGE;
}

export type ContentRequest = DescribePageRequest;
export type ContentResponse = PageDescription;

export function isContentRequest(message: unknown): message is ContentRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === DESCRIBE_PAGE;
}
