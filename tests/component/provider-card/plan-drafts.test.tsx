import { configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProviderActions } from '@/components/provider-card/ProviderActions';
import { ProviderDetails } from '@/components/provider-card/ProviderDetails';
import { questionsFor } from '@/lib/checklist/questions';
import { openShortlistDb } from '@/lib/shortlist';
import { getGeneral } from '@/state/dataset';
import { draftKey, planDrafts, readDraft } from '@/state/plan-drafts';
import { ShortlistsProvider } from '@/state/shortlists/context';
import { makeProvider } from '@/tests/fixtures/providers';

// The whole card renders in happy-dom: slow on a busy machine, so waits are generous (never a pass/fail timing).
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 30_000 });

const provider = makeProvider();
const general = getGeneral();
const total = questionsFor(provider, general).length;
const [q1] = general.questions;

async function setup() {
  const factory = new IDBFactory();
  const channelName = `test-${crypto.randomUUID()}`;
  const open = () => openShortlistDb({ indexedDB: factory, channelName });
  const db = await openShortlistDb({ indexedDB: factory, channelName });
  const go = vi.fn();
  const ui = () => (
    <ShortlistsProvider open={open} channelName={channelName} requestPersistence={async () => true}>
      <ProviderDetails key={provider.id} provider={provider} go={go} actions={<ProviderActions provider={provider} incognito={false} go={go} />} />
    </ShortlistsProvider>
  );
  return { db, ui };
}

const progress = () => document.querySelector('.checklist__progress')?.textContent;
const sessions = () => screen.getByLabelText('Sessions in the initial series') as HTMLInputElement;
const stored = async () => readDraft((await fakeBrowser.storage.session.get(draftKey(provider.id)))[draftKey(provider.id)]);

describe('unsaved drafts of a provider not on a shortlist', () => {
  beforeEach(() => planDrafts.reset());

  it('keep answers and plan options as typed, in storage.session, across leaving and reopening the card', async () => {
    const { ui } = await setup();
    const first = render(ui());
    await screen.findByRole('button', { name: 'Add to shortlist' });
    fireEvent.click(screen.getByRole('checkbox', { name: q1!.text }));
    fireEvent.input(screen.getByRole('textbox', { name: `Answer: ${q1!.text}` }), { target: { value: 'Nurse with ACLS' } });
    fireEvent.input(sessions(), { target: { value: '4' } });
    expect(progress()).toBe(`1 of ${total} answered`);
    await waitFor(async () => {
      const d = await stored();
      expect(d.answers[q1!.id]).toEqual({ done: true, text: 'Nurse with ACLS' });
      expect(d.options?.initialSessions).toBe(4);
    });
    expect(screen.getByText(/kept in this browser until you close it/)).toBeTruthy();
    first.unmount();

    // A new page (panel reopened): only storage.session remains.
    planDrafts.reset();
    render(ui());
    await waitFor(() => expect(progress()).toBe(`1 of ${total} answered`));
    expect(sessions().value).toBe('4');
    expect((screen.getByRole('textbox', { name: `Answer: ${q1!.text}` }) as HTMLTextAreaElement).value).toBe('Nurse with ACLS');
  });

  it('are carried into the shortlist item on "Add to shortlist" (answers and sessions stay), then cleared; focus moves to the confirmation', async () => {
    const { db, ui } = await setup();
    render(ui());
    await screen.findByRole('button', { name: 'Add to shortlist' });
    fireEvent.input(screen.getByRole('textbox', { name: `Answer: ${q1!.text}` }), { target: { value: 'They said 6 infusions' } });
    fireEvent.input(sessions(), { target: { value: '4' } });
    expect(progress()).toBe(`1 of ${total} answered`);

    fireEvent.click(screen.getByRole('button', { name: 'Add to shortlist' }));
    const on = await screen.findByText(/On your shortlist:/);
    await waitFor(() => expect(document.activeElement).toBe(on));
    await screen.findByText('Your ticks and answers are saved with your shortlist.');
    // Never "0 of N", never back to 6 sessions.
    expect(progress()).toBe(`1 of ${total} answered`);
    expect(sessions().value).toBe('4');

    await waitFor(async () => {
      const [list] = await db.listShortlists();
      const [item] = await db.listItems(list!.id);
      expect(item!.answers[q1!.id]).toEqual({ done: false, text: 'They said 6 infusions' });
      expect(item!.plan?.initialSessions).toBe(4);
    });
    await waitFor(async () => expect(await fakeBrowser.storage.session.get(draftKey(provider.id))).toEqual({}));
    expect(progress()).toBe(`1 of ${total} answered`);
    expect(sessions().value).toBe('4');
  });

  it('read back only what validates', () => {
    expect(readDraft({ options: { initialSessions: 'x' }, answers: { ok: { done: true, text: 'a' }, bad: { done: 'yes' }, __proto__: { done: true, text: '' } } })).toEqual({
      options: null,
      answers: { ok: { done: true, text: 'a' } },
    });
    expect(readDraft(undefined)).toEqual({ options: null, answers: {} });
  });
});
