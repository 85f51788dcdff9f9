import type { Page } from 'playwright-core';

/** Polls the first match of `selector` until its text contains `pattern`; returns the text. */
export async function waitForText(page: Page, selector: string, pattern: RegExp | string, timeoutMs = 5000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    last = (await page.locator(selector).first().textContent()) ?? '';
    if (typeof pattern === 'string' ? last.includes(pattern) : pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${selector} reads "${last}", expected ${pattern}`);
}
