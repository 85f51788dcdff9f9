// Issue 8 end to end: checklist answers and the cost plan saved with a shortlisted provider survive a
// browser restart, and appear in the Markdown export.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startFixtureServer } from './fixture-server';
import { launch, visit } from './harness';
import { loadProvider } from './data';

const ANSWER = 'They said 6 infusions, refunds pro-rated — ask again 📞';

describe('saved checklist answers in real Chromium', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'clinic-scout-plan-'));
  after(() => rmSync(profileDir, { recursive: true, force: true }));

  it('survive a restart and appear in the Markdown export', async () => {
    const server = await startFixtureServer({ tls: true });
    const kcla = loadProvider('ketamine-clinics-los-angeles');
    const general = JSON.parse(readFileSync(new URL('../../data/general.json', import.meta.url), 'utf8')) as { questions: Array<{ text: string }> };
    const question = general.questions[0]!.text;

    let h = await launch({ profileDir, server });
    let { tabId } = await visit(h, 'https://ketamineclinics.com/');
    let panel = await h.openPanel(tabId);
    await panel.getByRole('button', { name: 'Add to shortlist' }).click();
    await panel.getByText(/On your shortlist/).first().waitFor();
    await panel.getByText('Your ticks and answers are saved with your shortlist.').waitFor();
    await panel.getByRole('checkbox', { name: question }).check();
    await panel.getByRole('textbox', { name: `Answer: ${question}` }).fill(ANSWER);
    await new Promise((r) => setTimeout(r, 1000)); // answers are written after a short pause
    await h.close({ keepProfile: true });

    h = await launch({ profileDir, server });
    try {
      ({ tabId } = await visit(h, 'https://ketamineclinics.com/'));
      panel = await h.openPanel(tabId);
      await panel.getByRole('heading', { level: 2, name: kcla.name }).waitFor();
      const box = panel.getByRole('textbox', { name: `Answer: ${question}` });
      await box.waitFor();
      await panel.waitForFunction((expected) => [...document.querySelectorAll('textarea')].some((t) => t.value === expected), ANSWER);
      assert.equal(await panel.getByRole('checkbox', { name: question }).isChecked(), true);

      const list = await h.openPanel(null, { hash: '#/shortlist' });
      const download = list.waitForEvent('download');
      await list.getByText('List options, export and import').click(); // the list's menu, below the clinics
      await list.getByRole('button', { name: 'Export Markdown' }).click();
      const markdown = readFileSync((await (await download).path())!, 'utf8');
      assert.match(markdown, new RegExp(kcla.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.ok(markdown.includes('They said 6 infusions'), 'the answer is in the export');
      assert.match(markdown, /Estimate — confirm with the clinic/);
    } finally {
      await h.close();
      await server.close();
    }
  });
});
