// Issue 6 in real Chromium: seed a shortlist by importing a backup through the import dialog (on the print
// route, where the export and import tools are mounted), export CSV and JSON as real downloads and check their
// content, print, then import the exported JSON into a fresh profile and see the same shortlist.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import type { General } from '../../lib/dataset/general-schema';
import { localDate, parseImport, toJson } from '../../lib/export';
import type { Shortlist, ShortlistItem } from '../../lib/shortlist/schema';
import { loadProvider } from './data';
import { makeItem } from '../fixtures/shortlists';
import { snapshotOf } from '../../lib/changes/snapshot';
import { axeViolations } from './axe';
import { launch, type Harness } from './harness';

const general = JSON.parse(readFileSync(new URL('../../data/general.json', import.meta.url), 'utf8')) as General;
const Q1 = general.questions[0]!;
const Q2 = general.questions[1]!;
const mindbloom = loadProvider('mindbloom');
const klarisana = loadProvider('klarisana');

const T = Date.UTC(2026, 3, 20, 12);
const list = (id: string, name: string, createdAt: number, deletedAt: number | null = null): Shortlist => ({
  id,
  name,
  createdAt,
  updatedAt: createdAt,
  deletedAt,
});
const item = (id: string, shortlistId: string, extra: Partial<ShortlistItem>): ShortlistItem =>
  makeItem({ id, shortlistId, providerId: null, snapshot: { name: 'x', website: null }, createdAt: T, updatedAt: T, ...extra });

const denver = list('7d1c6a56-0c1f-4d43-9a53-6a1f1c2b3d01', 'Denver options', T);
const tele = list('7d1c6a56-0c1f-4d43-9a53-6a1f1c2b3d02', 'Telehealth', T + 1000);
const old = list('7d1c6a56-0c1f-4d43-9a53-6a1f1c2b3d03', 'Old ideas', T + 2000, T + 5000);
const SEED = {
  shortlists: [denver, tele, old],
  items: [
    item('a1', denver.id, {
      providerId: mindbloom.id,
      snapshot: { name: mindbloom.name, website: null },
      status: 'contacted',
      notes: 'Called Monday, "very kind" nurse;\nsecond call Friday — ça va 🙂',
      quote: { consultation: 200, perSession: 450, note: 'by phone' },
      answers: { [Q1.id]: { done: true, text: 'Since 2019, hundreds of patients.' }, [Q2.id]: { done: false, text: 'Ask again' } },
    }),
    item('a2', denver.id, {
      snapshot: { name: 'Front Range Wellness', website: 'https://front-range.example/' },
      custom: { name: 'Front Range Wellness', website: 'https://front-range.example/', city: 'Denver', state: 'CO' },
      notes: '=1+1 is not a formula here',
      position: 1,
    }),
    item('b1', tele.id, { providerId: klarisana.id, snapshot: { name: klarisana.name, website: null }, status: 'consultation-booked' }),
    item('c1', old.id, { providerId: mindbloom.id, snapshot: { name: mindbloom.name, website: null }, notes: 'in the trash' }),
  ],
};
const LIVE_ITEMS = SEED.items.filter((i) => i.shortlistId !== old.id);

async function download(page: Page, button: string): Promise<{ download: Download; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await dl.path();
  return { download: dl, text: readFileSync(path, 'utf8') };
}

/** Imports `json` through the dialog on the open page and returns the result line. */
async function importThroughDialog(page: Page, json: Buffer, name: string): Promise<string> {
  const opener = page.getByRole('button', { name: 'Import backup (JSON)' });
  await opener.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Backup file (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: json });
  await dialog.getByRole('heading', { name: 'Check what will be imported' }).waitFor();
  await dialog.getByRole('button', { name: 'Confirm import' }).click();
  const done = dialog.locator('.import-dialog__done');
  await done.waitFor();
  const text = await done.innerText();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await opener.evaluate((el) => el === document.activeElement), true, 'focus returns to the opener');
  return text;
}


const sortById = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * The seed came from a file without change tracking; on import each dataset provider got its first-run
 * snapshot (lib/changes): the records are the seed's, plus that snapshot, nothing else.
 */
function assertSeedItems(items: readonly ShortlistItem[]): void {
  const untracked = items.map((i) => ({ ...i, facts: null, changeHistory: [], removed: null }));
  assert.deepEqual(sortById(untracked), sortById(SEED.items));
  for (const i of items) {
    assert.deepEqual(i.changeHistory, []);
    assert.equal(i.removed, null);
    if (i.providerId === null) assert.equal(i.facts, null);
    else assert.deepEqual({ firstRun: i.facts?.firstRun, snapshot: i.facts?.snapshot }, { firstRun: true, snapshot: snapshotOf(loadProvider(i.providerId)) });
  }
}

describe('export and import in real Chromium', () => {
  let h: Harness;
  let fresh: Harness | undefined;
  let panel: Page;
  let exportedJson: { name: string; buffer: Buffer } | undefined;

  before(async () => {
    h = await launch();
    panel = await h.openPanel(null, { width: 1000, hash: '#/print' });
    await panel.getByRole('button', { name: 'Import backup (JSON)' }).waitFor();
  });
  after(async () => {
    await fresh?.close();
    await h?.close();
  });

  it('seeds the shortlist by importing a backup through the dialog', async () => {
    const result = await importThroughDialog(panel, Buffer.from(toJson(SEED, new Date(T))), 'seed.json');
    assert.equal(result, 'Imported: 3 lists added, 4 clinics added.');
    // The page re-reads and shows the lists not in the trash.
    await panel.getByRole('region', { name: 'Front Range Wellness' }).waitFor();
    assert.equal(await panel.locator('.print-item').count(), LIVE_ITEMS.length);
  });

  it('Export CSV downloads a dated CSV whose rows are the items', async () => {
    const { download: dl, text } = await download(panel, 'Export CSV');
    assert.equal(dl.suggestedFilename(), `clinic-scout-all-${localDate(new Date())}.csv`);
    assert.equal(text.charCodeAt(0), 0xfeff, 'starts with a BOM');
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    assert.deepEqual(parsed.errors, []);
    const names = new Map([[mindbloom.id, mindbloom.name], [klarisana.id, klarisana.name]]);
    const lists = new Map(SEED.shortlists.map((l) => [l.id, l.name]));
    assert.deepEqual(
      parsed.data.map((r) => ({ list: r['List'], clinic: r['Clinic'], notes: r['Notes'], status: r['Your status'] })),
      LIVE_ITEMS.map((i) => ({
        list: lists.get(i.shortlistId),
        clinic: i.custom?.name ?? names.get(i.providerId!),
        notes: i.notes.startsWith('=') ? `'${i.notes}` : i.notes,
        status: { considering: 'Considering', contacted: 'Contacted', 'consultation-booked': 'Consultation booked', 'ruled-out': 'Ruled out' }[i.status],
      })),
    );
    const first = parsed.data[0]!;
    assert.equal(first['Quoted per session ($)'], '450');
    assert.equal(first['Quote note'], 'by phone');
    assert.equal(first[Q1.text], 'Done — Since 2019, hundreds of patients.');
    assert.equal(first[Q2.text], 'Ask again');
    assert.match(first['Cost estimate (estimate — confirm with the clinic)'] ?? '', /^Consultation and \d+ sessions: .*Estimate — confirm with the clinic\.$/);
  });

  it('Export JSON downloads a backup that parseImport reads back as the same records (trash included)', async () => {
    const { download: dl, text } = await download(panel, 'Export JSON');
    assert.equal(dl.suggestedFilename(), `clinic-scout-all-${localDate(new Date())}.json`);
    const result = parseImport(text);
    assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'));
    assert.deepEqual(sortById(result.data.shortlists), sortById(SEED.shortlists));
    assertSeedItems(result.data.items);
    exportedJson = { name: dl.suggestedFilename(), buffer: Buffer.from(text) };
  });

  it('one list: the print page of that list exports only its items, with the list in the file name', async () => {
    await panel.goto(panel.url().replace(/#.*$/, `#/print/${denver.id}`));
    await panel.getByRole('heading', { level: 2, name: 'Clinic Scout shortlist: Denver options' }).waitFor();
    assert.equal(await panel.locator('.print-item').count(), 2);
    assert.equal(await panel.getByRole('radio', { name: 'This list (Denver options)' }).isChecked(), true);
    const { download: dl, text } = await download(panel, 'Export CSV');
    assert.equal(dl.suggestedFilename(), `clinic-scout-denver-options-${localDate(new Date())}.csv`);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    assert.deepEqual(rows.map((r) => r['Clinic']), [mindbloom.name, 'Front Range Wellness']);
  });

  it('"Print or save as PDF" calls window.print; on paper the nav and tools are hidden and the disclaimer stays', async () => {
    await panel.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await panel.getByRole('button', { name: 'Print or save as PDF' }).click();
    assert.equal(await panel.evaluate(() => (window as unknown as { printed: number }).printed), 1);
    const item = panel.getByRole('region', { name: mindbloom.name, exact: true });
    assert.match(await item.innerText(), /Called Monday, "very kind" nurse;\nsecond call Friday/);
    await panel.emulateMedia({ media: 'print' });
    assert.equal(await panel.locator('.topbar').isVisible(), false);
    assert.equal(await panel.locator('.print-page__actions').isVisible(), false);
    assert.equal(await panel.locator('.export-menu').isVisible(), false);
    assert.equal(await panel.locator('.print-view__disclaimer').isVisible(), true);
    assert.equal(await panel.locator('footer.disclaimer').isVisible(), true);
    await panel.emulateMedia({ media: 'screen' });
  });

  it('a conflict is decided with the keyboard; Escape cancels, writes nothing and returns focus; axe finds nothing', async () => {
    assert.deepEqual(await axeViolations(panel), [], 'axe: print page');
    const changed = { ...SEED, items: SEED.items.map((i) => (i.id === 'a1' ? { ...i, notes: 'Changed elsewhere', updatedAt: T + 9000 } : i)) };
    const opener = panel.getByRole('button', { name: 'Import backup (JSON)' });
    await opener.click();
    const dialog = panel.getByRole('dialog');
    await panel.getByRole('dialog', { name: 'Import a backup' }).waitFor();
    await dialog.getByLabel('Backup file (.json)').setInputFiles({ name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(toJson(changed, new Date(T))) });
    const group = dialog.getByRole('group', { name: `${mindbloom.name} on “Denver options”` });
    await group.waitFor();
    assert.equal(await dialog.getByRole('group').count(), 1);
    assert.match(await group.innerText(), /Changed elsewhere/);
    const confirm = dialog.getByRole('button', { name: 'Confirm import' });
    assert.equal(await confirm.isDisabled(), true);
    assert.deepEqual(await axeViolations(panel), [], 'axe: import preview with a conflict');
    await group.getByRole('radio', { name: /^Keep mine/ }).focus();
    await panel.keyboard.press('ArrowDown');
    assert.equal(await group.getByRole('radio', { name: /^Take theirs/ }).isChecked(), true);
    assert.equal(await confirm.isDisabled(), false);
    await panel.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await opener.evaluate((el) => el === document.activeElement), true, 'focus returns to the opener');
    assert.match(await panel.getByRole('region', { name: mindbloom.name, exact: true }).innerText(), /Called Monday/);
  });

  it('a fresh profile imports the exported JSON and shows the same shortlist', async () => {
    assert.ok(exportedJson, 'the JSON export ran');
    fresh = await launch({ server: h.server });
    const page = await fresh.openPanel(null, { width: 1000, hash: '#/print' });
    await page.getByText('There are no clinics to show.').waitFor();
    const result = await importThroughDialog(page, exportedJson.buffer, exportedJson.name);
    assert.equal(result, 'Imported: 3 lists added, 4 clinics added.');
    await page.getByRole('region', { name: 'Front Range Wellness' }).waitFor();
    // The same clinics, lists and notes on the page…
    const shown = await page.locator('.print-item__name').allInnerTexts();
    assert.deepEqual(shown, [mindbloom.name, 'Front Range Wellness', klarisana.name]);
    assert.deepEqual(await page.locator('.print-list__title').allInnerTexts(), ['Denver options', 'Telehealth']);
    // …and exactly the same records: exporting again gives the seed back.
    const { text } = await download(page, 'Export JSON');
    const again = parseImport(text);
    assert.ok(again.ok);
    assert.deepEqual(sortById(again.data.shortlists), sortById(SEED.shortlists));
    assertSeedItems(again.data.items);
    // The Shortlist view reads the same storage.
    await page.goto(page.url().replace(/#.*$/, '#/shortlist'));
    await page.getByRole('heading', { level: 2, name: 'Denver options' }).waitFor();
  });
});
