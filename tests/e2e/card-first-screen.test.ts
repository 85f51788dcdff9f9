// Issue 13, the answer on the first screen, in real Chromium with the built extension: on five providers of
// different kinds the card's summary (status, what and where, price, first-series estimate, insurance,
// HSA/FSA, CareCredit, "Add to shortlist") lies within the first 800 px at 360 px wide; no view of the card
// scrolls sideways at 250, 360 or 420 px; what was typed before "Add to shortlist" is still there after it
// (and after leaving the card or closing the panel before it); axe finds nothing, light and dark.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { questionsFor } from '../../lib/checklist/questions';
import type { General } from '../../lib/dataset/general-schema';
import { axeRun } from './axe';
import { loadProvider } from './data';
import { launch, type Harness } from './harness';
import { waitForText } from './wait';

const general = JSON.parse(readFileSync(new URL('../../data/general.json', import.meta.url), 'utf8')) as General;

const FIVE = [
  { id: 'ketamine-wellness-centers', kind: 'closed' },
  { id: 'mindbloom', kind: 'telehealth' },
  { id: 'ketamine-clinics-los-angeles', kind: 'local clinic' },
  { id: 'spravato', kind: 'Spravato' },
  { id: 'field-trip-health', kind: 'acquired' },
] as const;

describe('the provider card: the answer on the first screen', () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => h?.close());

  async function card(id: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const panel = await h.openPanel(null, { width, hash: `#/provider/${id}`, colorScheme });
    await panel.setViewportSize({ width, height: 800 });
    await panel.getByRole('heading', { level: 2, name: loadProvider(id).name }).waitFor();
    await panel.getByRole('region', { name: 'At a glance' }).waitFor();
    return panel;
  }

  for (const { id, kind } of FIVE) {
    it(`${id} (${kind}): the summary's facts lie within the first 800 px at 360 px`, async () => {
      const provider = loadProvider(id);
      const gone = provider.status.state === 'closed' || provider.status.state === 'acquired';
      const panel = await card(id, 360);
      if (!gone) await panel.getByRole('button', { name: 'Add to shortlist' }).waitFor();
      // (No named functions inside evaluate: tsx would wrap them in a helper the page does not have.)
      const facts = await panel.evaluate(() => {
        const summary = document.querySelector('.summary')!;
        const out: Record<string, number> = {};
        const add = [...summary.querySelectorAll('button')].find((b) => b.textContent === 'Add to shortlist');
        const status = summary.querySelector('.summary__status .status__state');
        const marked: Array<[string, Element]> = [...summary.querySelectorAll('.summary__row')].map((row) => [row.querySelector('dt')!.textContent!, row]);
        if (status) marked.push(['status', status]);
        if (add) marked.push(['Add to shortlist', add]);
        for (const [name, el] of marked) out[name] = Math.ceil(el.getBoundingClientRect().bottom + window.scrollY);
        return out;
      });
      const expected = gone
        ? ['status', 'What', 'Where', 'Add to shortlist']
        : ['Status', 'What', 'Where', 'Per session', 'First series', 'Insurance', 'HSA/FSA', 'Add to shortlist'];
      assert.deepEqual(Object.keys(facts).sort(), [...expected].sort(), JSON.stringify(facts));
      for (const [fact, bottom] of Object.entries(facts)) assert.ok(bottom <= 800, `${id}: "${fact}" ends at ${bottom}px`);

      const summary = panel.getByRole('region', { name: 'At a glance' });
      const text = (await summary.innerText()).replace(/\s+/g, ' ').replace(/^At a glance /, '');
      if (gone) {
        // What happened, and where to look instead of an estimate and a checklist.
        assert.match(text, new RegExp(`^${provider.status.state === 'closed' ? 'Closed' : 'Acquired'} since`));
        const states = summary.getByRole('button', { name: /^Browse open providers in / });
        assert.ok((await states.count()) > 0);
        assert.equal(await panel.locator('.cost-headline').count(), 0);
        assert.equal(await panel.locator('.checklist').count(), 0);
        await states.first().click();
        await panel.waitForURL(/#\/browse$/);
        const state = await panel.getByLabel('State', { exact: true }).inputValue();
        assert.equal(state, [...new Set(provider.locations.map((l) => l.state))][0]);
      } else {
        assert.match(text, /Estimate — confirm with the clinic/);
        assert.match(text, /about \$[\d,]+(–\$[\d,]+)? with the consultation/);
        assert.doesNotMatch(text, /First year/);
      }
      await panel.close();
    });
  }

  it('no view of the card scrolls sideways at 250, 360 or 420 px, with a Sources list and a glossary term open', async () => {
    for (const { id } of FIVE) {
      for (const width of [250, 360, 420]) {
        const panel = await card(id, width);
        await panel.locator('.summary .section-sources__toggle').click();
        const term = panel.locator('button.gloss').first();
        if (await term.count()) await term.click();
        const overflow = await panel.evaluate(() => {
          const root = document.scrollingElement!;
          const cut = [...document.querySelectorAll('.card button, .card a, .card input')]
            .filter((el) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().right > root.clientWidth + 1)
            .map((el) => el.textContent?.slice(0, 30) || el.outerHTML.slice(0, 60));
          return { sideways: root.scrollWidth - root.clientWidth, cut };
        });
        assert.equal(overflow.sideways, 0, `${id} at ${width}px scrolls sideways by ${overflow.sideways}px`);
        assert.deepEqual(overflow.cut, [], `${id} at ${width}px cuts off ${overflow.cut.join(', ')}`);
        await panel.close();
      }
    }
  });

  it('what was typed is kept on leaving the card and closing the panel, and carried into the item on "Add to shortlist"', async () => {
    const provider = loadProvider('ketamine-clinics-los-angeles');
    const total = questionsFor(provider, general).length;
    const [q1, q2] = general.questions;
    assert.ok(q1 && q2);
    const ANSWER = 'Nurse with ACLS in the room 📞';

    let panel = await card(provider.id, 360);
    await panel.getByRole('checkbox', { name: q1.text, exact: true }).check();
    await panel.getByRole('textbox', { name: `Answer: ${q2.text}`, exact: true }).fill(ANSWER);
    const sessions = () => panel.getByLabel('Sessions in the initial series');
    await sessions().fill('4');
    await waitForText(panel, '.checklist__progress', `2 of ${total} answered`);

    // Leave the card for Browse and come back.
    await panel.getByRole('link', { name: 'Browse' }).click();
    await panel.waitForURL(/#\/browse$/);
    await panel.goBack();
    await waitForText(panel, '.checklist__progress', `2 of ${total} answered`);
    assert.equal(await sessions().inputValue(), '4');
    // Close the panel and open it again.
    await panel.close();
    panel = await card(provider.id, 360);
    await waitForText(panel, '.checklist__progress', `2 of ${total} answered`);
    assert.equal(await sessions().inputValue(), '4');
    assert.equal(await panel.getByRole('textbox', { name: `Answer: ${q2.text}`, exact: true }).inputValue(), ANSWER);

    await panel.getByRole('button', { name: 'Add to shortlist' }).click();
    const on = panel.locator('.shortlist-add__on');
    await on.waitFor();
    // Focus moves to the confirmation.
    await panel.waitForFunction(() => document.activeElement?.classList.contains('shortlist-add__on'));
    await panel.getByText('Your ticks and answers are saved with your shortlist.').waitFor();
    assert.equal(await panel.locator('.checklist__progress').textContent(), `2 of ${total} answered`);
    assert.equal(await sessions().inputValue(), '4');
    assert.equal(await panel.getByRole('checkbox', { name: q1.text, exact: true }).isChecked(), true);
    assert.equal(await panel.getByRole('textbox', { name: `Answer: ${q2.text}`, exact: true }).inputValue(), ANSWER);
    assert.match((await panel.locator('.summary').innerText()).replace(/\s+/g, ' '), /4 sessions: about/);

    // Saved with the item: a fresh panel shows them from the shortlist.
    await panel.close();
    panel = await card(provider.id, 360);
    await panel.getByText('Your ticks and answers are saved with your shortlist.').waitFor();
    await waitForText(panel, '.checklist__progress', `2 of ${total} answered`);
    assert.equal(await sessions().inputValue(), '4');
    await panel.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe: no violations on the card, ${colorScheme}, with sources, a glossary term and the safety section open`, async () => {
      for (const { id } of FIVE) {
        const panel = await card(id, 360, colorScheme);
        await panel.locator('.summary .section-sources__toggle').click();
        const term = panel.locator('button.gloss').first();
        if (await term.count()) await term.click();
        await panel.getByRole('navigation', { name: 'On this card' }).getByRole('link', { name: 'Safety' }).click();
        await panel.getByRole('heading', { name: 'What studies found' }).waitFor();
        const result = await axeRun(panel, [['.card']]);
        assert.deepEqual(result.violations, [], id);
        assert.ok(result.passed.includes('color-contrast'), result.passed.join(' '));
        await panel.close();
      }
      assert.deepEqual(h.pageErrors, []);
    });
  }
});
