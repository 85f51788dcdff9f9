// "Save this site": the browser calls behind lib/extract/read-site.ts, and the URL of the tab the panel shows.
// The panel (an extension page) asks for the permission and runs the reader itself: no message to the
// background, no content script. The reader runs only in the top frame of that one tab.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readSite, type ReadSiteResult } from '@/lib/extract/read-site';
import { readPage } from '@/lib/extract/reader';

/**
 * Reads the page of `tabId` (which showed `url` when the user clicked). Call it directly from the click
 * handler: it asks for the permission before its first await (see readSite).
 */
export function readThisSite(tabId: number, url: string): Promise<ReadSiteResult> {
  return readSite(
    { tabId, url },
    {
      request: (pattern) => browser.permissions.request({ origins: [pattern] }),
      remove: (pattern) => browser.permissions.remove({ origins: [pattern] }),
      tabUrl: async (id) => {
        try {
          return (await browser.tabs.get(id)).url ?? '';
        } catch {
          return null; // no such tab
        }
      },
      execute: async (id) => {
        const [frame] = await browser.scripting.executeScript({ target: { tabId: id }, func: readPage });
        return frame?.result;
      },
      now: () => Date.now(),
    },
  );
}

/** The URL of tab `tabId`, refreshed when `version` changes (the tab's state in storage.session). */
export function useTabUrl(tabId: number | null, version: unknown): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (tabId === null) {
      setUrl(null);
      return;
    }
    let live = true;
    browser.tabs.get(tabId).then(
      (tab) => live && setUrl(tab.url ?? null),
      () => live && setUrl(null),
    );
    return () => {
      live = false;
    };
  }, [tabId, version]);
  return url;
}
