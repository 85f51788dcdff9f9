import type { MatchResult } from '../match';

/** What the extension knows about one tab; kept in storage.session so it survives the worker stopping. */
export interface TabState {
  tabId: number;
  /** Canonical host of the tab's URL; null for non-web pages. The full URL is never stored. */
  host: string | null;
  result: MatchResult;
  incognito: boolean;
  updatedAt: number;
}

export const tabStateKey = (tabId: number) => `tab:${tabId}`;

export const isTabStateKey = (key: string) => key.startsWith('tab:');

/** A message's tabId comes from another context: only a small non-negative integer is accepted. */
export const isTabId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
