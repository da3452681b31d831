/**
 * The one message protocol between the extension's pages and the content script.
 * Every message is a plain object with a `type`; the content script answers only the types listed here.
 */
import type { HighlightTone } from '../highlight/colors';
import type { OverlayRequest } from '../highlight/overlay';
import type { Locator, PageSnapshot } from '../snapshot/types';

export const TAKE_SNAPSHOT = 'gongkai/take-snapshot' as const;
export const REVEAL = 'gongkai/reveal' as const;
export const PAGE_HTML = 'gongkai/page-html' as const;
export const HIGHLIGHT = 'gongkai/highlight' as const;
export const CLEAR_HIGHLIGHT = 'gongkai/clear-highlight' as const;
export const RESOLVE_PATHS = 'gongkai/resolve-paths' as const;

/** The page's snapshot, its pieces numbered (`ref`) rather than located: RESOLVE_PATHS gives the paths asked for. */
export interface TakeSnapshotRequest {
  type: typeof TAKE_SNAPSHOT;
}

/** The paths of pieces of the last snapshot, by `ref` (the ones the checks report); '' for a piece no longer there. */
export interface ResolvePathsRequest {
  type: typeof RESOLVE_PATHS;
  /** The snapshot's `pathTable`. */
  table: number;
  refs: number[];
}

export interface ResolvePathsResponse {
  paths: string[];
}

/**
 * Scroll to an element and flash an outline around it (drawn in our own shadow root; the page's layout never moves),
 * in the user's colour for its tone.
 */
export interface RevealRequest {
  type: typeof REVEAL;
  locator: Locator;
  tone: HighlightTone;
  color: string;
}

export interface RevealResponse {
  found: boolean;
}

/** The page's HTML as it stands (to import a plan published as a table on a portal page). */
export interface PageHtmlRequest {
  type: typeof PAGE_HTML;
}

export interface PageHtmlResponse {
  html: string;
  url: string;
  title: string;
}

/** Draw the highlights of the current results on the page (replacing earlier ones). */
export interface HighlightRequest {
  type: typeof HIGHLIGHT;
  overlay: OverlayRequest;
}

export interface ClearHighlightRequest {
  type: typeof CLEAR_HIGHLIGHT;
}

/** How many of the highlights were drawn (0 after clearing). */
export interface HighlightResponse {
  found: number;
}

export type ContentRequest =
  | TakeSnapshotRequest
  | RevealRequest
  | PageHtmlRequest
  | HighlightRequest
  | ClearHighlightRequest
  | ResolvePathsRequest;

/** The answer of the content script to each request type. */
export interface ContentResponses {
  [TAKE_SNAPSHOT]: PageSnapshot;
  [REVEAL]: RevealResponse;
  [PAGE_HTML]: PageHtmlResponse;
  [HIGHLIGHT]: HighlightResponse;
  [CLEAR_HIGHLIGHT]: HighlightResponse;
  [RESOLVE_PATHS]: ResolvePathsResponse;
}

export type ContentResponse<R extends ContentRequest> = ContentResponses[R['type']];

export function isContentRequest(message: unknown): message is ContentRequest {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  if (type === TAKE_SNAPSHOT || type === PAGE_HTML || type === CLEAR_HIGHLIGHT) return true;
  if (type === HIGHLIGHT) return Array.isArray((message as { overlay?: { items?: unknown } }).overlay?.items);
  if (type === RESOLVE_PATHS) {
    const { table, refs } = message as { table?: unknown; refs?: unknown };
    return Number.isInteger(table) && Array.isArray(refs) && refs.every((r) => Number.isInteger(r));
  }
  if (type !== REVEAL) return false;
  const { locator, color } = message as { locator?: { frame?: unknown; path?: unknown }; color?: unknown };
  return typeof locator?.path === 'string' && Array.isArray(locator.frame) && typeof color === 'string';
}

/** A keyboard command (manifest `commands`), passed from the background page to the open panel. */
export const PANEL_COMMAND = 'gongkai/command' as const;
export const PANEL_COMMANDS = ['toggle-highlights'] as const;
export interface PanelCommand {
  type: typeof PANEL_COMMAND;
  command: (typeof PANEL_COMMANDS)[number];
}

export function isPanelCommand(message: unknown): message is PanelCommand {
  if (typeof message !== 'object' || message === null) return false;
  const { type, command } = message as { type?: unknown; command?: unknown };
  return type === PANEL_COMMAND && (PANEL_COMMANDS as readonly unknown[]).includes(command);
}

export type { PageSnapshot };
