// Real Chromium: how long the side panel takes to show the current site's card after it opens
// (page load, dataset, first message to the worker, first render), measured inside the page from
// navigation start to the card's heading being in the DOM.
import { launch, visit } from '../e2e/harness';
import type { Bench } from './types';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const bench: Bench = async () => {
  const h = await launch();
  try {
    const { tabId } = await visit(h, 'https://www.mindbloom.com/');
    const times: number[] = [];
    const panel = await h.context.newPage();
    await panel.setViewportSize({ width: 380, height: 900 });
    for (let i = 0; i < 15; i++) {
      await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tabId=${tabId}&run=${i}`);
      await panel.locator('h2#card-title').waitFor();
      // Time origin is this navigation's start; the heading exists now, so "now" bounds it from above.
      times.push(await panel.evaluate(() => performance.now()));
    }
    const p50 = pct(times.slice(3), 50);
    return [
      { name: 'side panel: open → provider card shown (p50 of 12, warm)', value: p50, unit: 'ms' },
      { name: 'side panel: open → provider card shown (max of 12)', value: Math.max(...times.slice(3)), unit: 'ms' },
    ];
  } finally {
    await h.close();
  }
};

export default bench;
