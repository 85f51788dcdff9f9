// axe-core in an extension page: evaluated over the DevTools protocol, so the page's CSP does not block it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
  passes: Array<{ id: string }>;
}
declare const axe: { run(context?: unknown, options?: unknown): Promise<AxeResult> };

/** One readable line per violation; `include` limits the check to those selectors. */
export async function axeViolations(page: Page, include?: string[][]): Promise<string[]> {
  return (await axeRun(page, include)).violations;
}

/** Violations as lines, and the ids of rules that passed (to prove a region was really checked). */
export async function axeRun(page: Page, include?: string[][]): Promise<{ violations: string[]; passed: string[] }> {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    (inc) => axe.run(inc ? { include: inc } : document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }),
    include ?? null,
  );
  return {
    violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`),
    passed: result.passes.map((p) => p.id),
  };
}
