// Real Chromium: time from a navigation committing to the tab's badge being set, with the worker
// warm and just after it was stopped (cold). The badge is polled from an extension page, which does
// not wake the worker, so the cold figure includes the worker's start-up.
import type { Page } from 'playwright-core';
import { launch, type Harness } from '../e2e/harness';
import type { Bench } from './types';

declare const chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } };

const PROVIDER = { url: 'https://www.mindbloom.com/', badge: '●' };
const CLOSED = { url: 'https://ketaminewellnesscenters.com/', badge: '✕' };

async function timeToBadge(h: Harness, poller: Page, page: Page, tabId: number, target: typeof PROVIDER): Promise<number> {
  await page.goto(target.url, { waitUntil: 'commit' });
  const committed = performance.now();
  for (;;) {
    const text = await poller.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    if (text === target.badge) return performance.now() - committed;
    if (performance.now() - committed > 5000) throw new Error(`badge never became ${target.badge}`);
  }
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const bench: Bench = async () => {
  const h = await launch();
  try {
    const poller = await h.openPanel(null);
    const page = await h.context.newPage();
    await page.goto('https://www.example-news.com/');
    const tabId = await h.tabIdOf(page);
    const warm: number[] = [];
    for (let i = 0; i < 30; i++) warm.push(await timeToBadge(h, poller, page, tabId, i % 2 ? PROVIDER : CLOSED));
    const cold: number[] = [];
    for (let i = 0; i < 10; i++) {
      await h.stopServiceWorker();
      await new Promise((r) => setTimeout(r, 300));
      cold.push(await timeToBadge(h, poller, page, tabId, i % 2 ? PROVIDER : CLOSED));
    }
    const warmP50 = pct(warm, 50);
    const coldP50 = pct(cold, 50);
    return [
      { name: 'navigation → badge, warm worker (p50 of 30)', value: warmP50, unit: 'ms', target: '≤ 50 ms', ok: warmP50 <= 50 },
      { name: 'navigation → badge, warm worker (max of 30)', value: Math.max(...warm), unit: 'ms' },
      { name: 'navigation → badge, stopped worker (p50 of 10)', value: coldP50, unit: 'ms', target: '≤ 300 ms', ok: coldP50 <= 300 },
      { name: 'navigation → badge, stopped worker (max of 10)', value: Math.max(...cold), unit: 'ms' },
    ];
  } finally {
    await h.close();
  }
};

export default bench;
