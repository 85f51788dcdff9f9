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

/** The consultation-and-series figures the panel should show for these options, from the same library. */
function series(o: Partial<PlanOptions>): { cash: string; hsa: string | null; firstYear: string | null } {
  const plan = estimatePlan(provider, general, { ...NO_OPTIONS, ...o }, null);
  const line = plan.lines.firstSeries;
  assert.ok(line.range, 'this provider has a series estimate');
  return { cash: formatRange(line.range), hsa: line.hsa ? formatRange(line.hsa) : null, firstYear: plan.lines.firstYear.range ? formatRange(plan.lines.firstYear.range) : null };
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

  it('leads with the initial series and the consultation, follows the sessions and the tax rate, and refuses 0 sessions with a message', async () => {
    const section = panel.locator('section[aria-labelledby="costs-heading"]');
    await section.getByRole('heading', { name: 'Costs', exact: true }).waitFor();
    assert.equal(await section.getByText('Estimate — confirm with the clinic.').count(), 2); // the estimate and the published prices
    assert.equal(await section.locator('.cost-headline').getAttribute('aria-live'), 'polite');

    const n = provider.protocol?.initialSessions ?? 6;
    const start = series({});
    await waitForText(panel, '.cost-headline', `Consultation and ${n} sessions: ${start.cash}.`);
    assert.equal(await section.locator('[data-line="firstYear"]').count(), 0, 'no first year until maintenance is turned on');

    const sessions = section.getByLabel('Sessions in the initial series');
    assert.equal(await sessions.inputValue(), String(n));
    await sessions.fill('4');
    const four = series({ initialSessions: 4 });
    assert.notEqual(four.cash, start.cash);
    await waitForText(panel, '.cost-headline', `Consultation and 4 sessions: ${four.cash}.`);

    // Keyboard: arrow keys step the native number input.
    await sessions.press('ArrowUp');
    await waitForText(panel, '.cost-headline', `Consultation and 5 sessions: ${series({ initialSessions: 5 }).cash}.`);
    await sessions.press('ArrowDown');
    await waitForText(panel, '.cost-headline', `Consultation and 4 sessions: ${four.cash}.`);

    // 0 is refused with a message; the figures stay those of the last valid count.
    await sessions.fill('0');
    await section.getByText('Enter a whole number from 1 to 20.').waitFor();
    assert.equal(await sessions.getAttribute('aria-invalid'), 'true');
    assert.ok(((await section.locator('.cost-headline').textContent()) ?? '').startsWith('Consultation and 4 sessions'));
    await sessions.fill('4');

    await section.getByLabel('Marginal tax rate, if paying with HSA/FSA money').fill('24');
    const taxed = series({ initialSessions: 4, hsaTaxRate: 24 });
    assert.ok(taxed.hsa);
    await waitForText(panel, '.cost-headline', `Paying with HSA/FSA money at 24%: about ${taxed.hsa}.`);

    // Maintenance is an explicit, optional line; the first year appears only then.
    await section.getByRole('checkbox', { name: 'Add maintenance (booster) sessions and show the first year' }).check();
    const yearly = series({ initialSessions: 4, hsaTaxRate: 24, maintenancePerMonth: 1, maintenanceMonths: 11 });
    await waitForText(panel, '.cost-headline', `With maintenance, first year: ${yearly.firstYear};`);
    assert.equal(await section.locator('[data-line="firstYear"]').count(), 1);
  });

  it('lets the user tick a checklist question and type an answer, and counts it', async () => {
    const section = panel.locator('section[aria-labelledby="questions-heading"]');
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

  it('fits 360 px without sideways scrolling, and "Before you start" opens from the top in one tap', async () => {
    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await panel.getByRole('navigation', { name: 'On this card' }).getByRole('link', { name: 'Safety' }).click();
    await panel.getByRole('heading', { name: 'What studies found' }).waitFor();
    assert.equal(await panel.evaluate(() => document.activeElement?.id), 'safety-heading');
  });

  it('has no axe-core violations in the cost, checklist and "Before you start" sections', async () => {
    const violations = await axeRun(panel, [['section[aria-labelledby="costs-heading"]'], ['section[aria-labelledby="questions-heading"]'], ['section[aria-labelledby="safety-heading"]']]);
    assert.deepEqual(violations.violations, []);
    // The sections were really checked: labels and contrast rules ran on them.
    assert.ok(violations.passed.includes('label') && violations.passed.includes('color-contrast'), violations.passed.join(' '));
  });
});
