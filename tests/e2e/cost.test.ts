// Issue 8 in real Chromium: the cost plan and the checklist in the panel bound to a provider's tab, at 360 px.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { questionsFor } from '../../lib/checklist/questions';
import { formatRange } from '../../lib/format/money';
import { estimatePlan } from '../../lib/cost/plan';
import type { General } from '../../lib/dataset/general-schema';
import type { PlanOptions } from '../../lib/shortlist/schema';
import { expectedBadge, loadProvider } from './data';
import { axeRun } from './axe';
import { waitForText } from './wait';
import { launch, visit, type Harness } from './harness';

const general = JSON.parse(readFileSync(new URL('../../data/general.json', import.meta.url), 'utf8')) as General;
const provider = loadProvider('ketamine-clinics-los-angeles');
const NO_OPTIONS: PlanOptions = { initialSessions: null, maintenancePerMonth: null, maintenanceMonths: null, hsaTaxRate: null, spravatoInsurance: false };

/** The first-year figures the panel should show for these options, from the same library. */
function firstYear(o: Partial<PlanOptions>): { cash: string; hsa: string | null } {
  const line = estimatePlan(provider, general, { ...NO_OPTIONS, ...o }, null).lines.firstYear;
  assert.ok(line.range, 'this provider has a first-year estimate');
  return { cash: formatRange(line.range), hsa: line.hsa ? formatRange(line.hsa) : null };
}


describe('cost plan and checklist in real Chromium', () => {
  let h: Harness;
  let panel: Page;
  let page: Page;
  before(async () => {
    h = await launch();
    const visited = await visit(h, 'https://ketamineclinics.com/');
    page = visited.page;
    await h.waitForBadge(visited.tabId, expectedBadge(provider));
    panel = await h.openPanel(visited.tabId, { width: 360 });
    await panel.getByRole('heading', { level: 2, name: provider.name }).waitFor();
  });
  after(async () => {
    await panel?.close();
    await page?.close();
    await h?.close();
  });

  it('shows the first-year estimate with the caption, and it follows the sessions and the tax rate', async () => {
    const section = panel.locator('section[aria-labelledby="estimate-heading"]');
    await section.getByRole('heading', { name: 'What it might cost' }).waitFor();
    assert.equal(await section.getByText('Estimate — confirm with the clinic.').count(), 1);
    assert.equal(await section.locator('.cost-headline').getAttribute('aria-live'), 'polite');

    const start = firstYear({});
    await waitForText(panel, '.cost-headline', `First year: ${start.cash};`);

    const sessions = section.getByLabel('Sessions in the initial series');
    assert.equal(await sessions.inputValue(), String(provider.protocol?.initialSessions ?? 6));
    await sessions.fill('8');
    const eight = firstYear({ initialSessions: 8 });
    assert.notEqual(eight.cash, start.cash);
    await waitForText(panel, '.cost-headline', `First year: ${eight.cash};`);
    assert.match((await section.locator('[data-line="firstYear"]').textContent()) ?? '', new RegExp(eight.cash.replace(/\$/g, '\\$')));

    // Keyboard: arrow keys step the native number input.
    await sessions.press('ArrowUp');
    await waitForText(panel, '.cost-headline', `First year: ${firstYear({ initialSessions: 9 }).cash};`);
    await sessions.press('ArrowDown');

    await section.getByLabel('Marginal tax rate, if paying with HSA/FSA money').fill('24');
    const taxed = firstYear({ initialSessions: 8, hsaTaxRate: 24 });
    assert.ok(taxed.hsa);
    const text = await waitForText(panel, '.cost-headline', `Paying with HSA/FSA money at 24%: about ${taxed.hsa},`);
    assert.ok(text.startsWith(`First year: ${eight.cash}`), text);
  });

  it('lets the user tick a checklist question and type an answer, and counts it', async () => {
    const section = panel.locator('section[aria-labelledby="checklist-heading"]');
    const total = questionsFor(provider, general).length;
    const [first, second] = general.questions;
    assert.ok(first && second);
    await waitForText(panel, '.checklist__progress', `0 of ${total} answered`);

    const box = section.getByRole('checkbox', { name: first.text, exact: true });
    await box.check();
    assert.equal(await box.isChecked(), true);
    await waitForText(panel, '.checklist__progress', `1 of ${total} answered`);

    const answer = section.getByRole('textbox', { name: `Answer: ${second.text}`, exact: true });
    await answer.click();
    await panel.keyboard.type('They said 55% in a trial, not their own figure.');
    await answer.blur();
    assert.equal(await answer.inputValue(), 'They said 55% in a trial, not their own figure.');
    await waitForText(panel, '.checklist__progress', `2 of ${total} answered`);
  });

  it('fits 360 px without sideways scrolling, and "Before you start" opens from the card', async () => {
    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await panel.getByText(/^Before you start:/).click();
    await panel.getByRole('heading', { name: 'What studies found' }).waitFor();
  });

  it('has no axe-core violations in the cost, checklist and "Before you start" sections', async () => {
    const violations = await axeRun(panel, [['section[aria-labelledby="estimate-heading"]'], ['section[aria-labelledby="checklist-heading"]'], ['.card__before']]);
    assert.deepEqual(violations.violations, []);
    // The sections were really checked: labels and contrast rules ran on them.
    assert.ok(violations.passed.includes('label') && violations.passed.includes('color-contrast'), violations.passed.join(' '));
  });
});
