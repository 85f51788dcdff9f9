import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CompareToggle } from '@/components/compare/CompareToggle';
import { CompareView } from '@/components/compare/CompareView';
import type { General } from '@/lib/dataset/general-schema';
import type { Provider } from '@/lib/dataset/schema';
import { closedProvider, makeProvider } from '@/tests/fixtures/providers';

// Made-up providers and general statements: never real facts.
const s = (path: string) => ({ url: `https://example.org${path}`, date: null });
const general: Pick<General, 'spravato' | 'questions'> = {
  spravato: {
    initialSeries: { sessionsLow: 8, sessionsHigh: 8, weeksLow: 4, weeksHigh: 4, sources: [s('/series')] },
    savingsProgramme: { text: 'Savings (test).', sources: [s('/savings')] },
    coverage: { text: 'Coverage (test).', sources: [s('/coverage')] },
    listPrice: { text: 'List price (test).', sources: [s('/list')] },
  },
  questions: [{ id: 'insurance-superbill', topic: 'insurance', text: 'Q?', why: 'Spray is often covered; IV rarely (test).', sources: [s('/why')] }],
};
const clinic = makeProvider();
const home = makeProvider({
  id: 'example-home',
  name: 'Example Home',
  kind: 'telehealth-programme',
  delivery: { value: 'at-home', sources: [] },
  modalities: { value: ['esketamine-nasal'], sources: [s('/home-modalities')] },
  locations: [],
  statesServed: { value: ['CA'], sources: [] },
  prices: [{ kind: 'session', label: 'Per session', low: 150, high: 200, asOf: null, publishedBy: 'provider', sources: [s('/home-price')] }],
  financing: { paymentPlans: 'yes', careCredit: 'unknown', hsaFsa: 'yes', sources: [] },
  staff: { prescribers: 'Physician', administers: 'Self-administered with a test monitor.', sources: [s('/home-staff')] },
  comparison: [{ kind: 'strength', text: 'Home strength (test).', sources: [s('/home-note')] }],
});
const closed = closedProvider();
const extra = (id: string) => makeProvider({ id, name: `Extra ${id}` });
const all: Provider[] = [clinic, home, closed, extra('x1'), extra('x2')];
const lookup = (id: string) => all.find((p) => p.id === id);
const today = new Date('2026-11-27T12:00:00Z');
const go = vi.fn();

const stored = async () => (await fakeBrowser.storage.session.get('compareSelection')).compareSelection;
const view = (ids: string[], layout: 'wide' | 'compact') =>
  render(<CompareView ids={ids} go={go} lookup={lookup} general={general} layout={layout} today={today} />);

beforeEach(() => {
  go.mockReset();
  history.replaceState(null, '', '#/compare/');
});

describe('Compare, full-page table', () => {
  it('takes providers from the link into the shared selection and shows a real table', async () => {
    view(['example-clinic', 'example-closed'], 'wide');
    const table = await screen.findByRole('table');
    expect(await stored()).toEqual(['example-clinic', 'example-closed']);
    await waitFor(() => expect(location.hash).toBe('#/compare/example-clinic,example-closed'));
    const cols = within(table).getAllByRole('columnheader');
    expect(cols.map((c) => c.getAttribute('scope'))).toEqual(['col', 'col', 'col']);
    // A closed provider is labelled in its column header.
    expect(cols[2]!.textContent).toBe('Example Closed Chain Closed since 10 Mar 2023');
    const rowHeaders = within(table).getAllByRole('rowheader');
    expect(rowHeaders.every((h) => h.getAttribute('scope') === 'row')).toBe(true);
  });

  it('marks rows that differ with text, shows unknowns as "Unknown" and prices as estimates', async () => {
    view(['example-clinic', 'example-home'], 'wide');
    const table = await screen.findByRole('table');
    const row = (label: string) => within(table).getByRole('rowheader', { name: new RegExp(`^${label}`) }).closest('tr')!;
    expect(within(row('In clinic or at home')).getByText('Differs')).toBeTruthy();
    expect(row('In clinic or at home').className).toContain('cmp-row--differs');
    expect(within(row('HSA / FSA')).queryByText('Differs')).toBeNull();
    // Unknown is shown plainly and is not a difference.
    const care = row('CareCredit');
    expect(within(care).getByText('Unknown')).toBeTruthy();
    expect(within(care).queryByText('Differs')).toBeNull();
    expect(within(care).getByText('Not known for all')).toBeTruthy();
    for (const label of ['Consultation price', 'Price per session', 'Packages', 'Other prices']) {
      expect(within(row(label)).getByText('Estimate — confirm with the clinic.')).toBeTruthy();
    }
    expect(within(row('Price per session')).getByText('$150–$200')).toBeTruthy();
  });

  it('shows notes derived from the data, each with its sources, and the providers’ own notes attributed', async () => {
    view(['example-clinic', 'example-home'], 'wide');
    const notes = await screen.findByRole('region', { name: 'Worth knowing when comparing' });
    const items = within(notes).getAllByRole('listitem').filter((li) => li.classList.contains('cmp-note'));
    const price = items.find((li) => li.textContent!.startsWith('Lowest published price per session'))!;
    expect(price.textContent).toContain('Example Home (at home) from $150; Example Ketamine Clinic (in clinic) from $450.');
    expect(price.textContent).toContain('Who gives the ketamine at Example Home: Self-administered with a test monitor.');
    expect(price.textContent).toContain('Estimate — confirm with the clinic.');
    expect(within(price).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining(['https://example.org/home-price', 'https://example.org/home-staff']),
    );
    const ins = items.find((li) => li.textContent!.includes('Spray is often covered'))!;
    expect(ins.textContent).toContain('includes Clinic Scout’s general information');
    const own = items.find((li) => li.textContent!.includes('Home strength (test).'))!;
    expect(own.textContent).toMatch(/^Strength Example Home: Home strength/);
  });

  it('can show only the rows that differ', async () => {
    view(['example-clinic', 'example-home'], 'wide');
    const table = await screen.findByRole('table');
    const before = within(table).getAllByRole('row').length;
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show only rows that differ' }));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeLessThan(before - 1);
    expect(rows.every((r) => r.textContent!.includes('Differs') || r.textContent!.startsWith('Main sources'))).toBe(true);
  });
});

describe('Compare, side panel', () => {
  it('stacks one block per attribute with the provider names, marks differences, and removes providers', async () => {
    await fakeBrowser.storage.session.set({ compareSelection: ['example-clinic', 'example-home', 'example-closed'] });
    view([], 'compact');
    const block = await screen.findByRole('region', { name: /^In clinic or at home/ });
    expect(screen.queryByRole('table')).toBeNull();
    expect(within(block).getByText('Differs')).toBeTruthy();
    expect(within(block).getAllByRole('term').map((t) => t.textContent)).toEqual([
      'Example Ketamine Clinic',
      'Example Home',
      'Example Closed Chain Closed',
    ]);
    const care = screen.getByRole('region', { name: /^CareCredit/ });
    expect(within(care).getAllByText('Unknown')).toHaveLength(1);
    expect(screen.getByText('Example Closed Chain closed on 10 Mar 2023.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove Example Closed Chain from the comparison' }));
    await waitFor(async () => expect(await stored()).toEqual(['example-clinic', 'example-home']));
    await waitFor(() => expect(screen.queryByText('Example Closed Chain closed on 10 Mar 2023.')).toBeNull());
  });

  it('asks for at least two providers and leads to Browse', async () => {
    await fakeBrowser.storage.session.set({ compareSelection: ['example-clinic'] });
    view([], 'compact');
    await screen.findByText('Choose at least one more provider to compare with.');
    fireEvent.click(screen.getByRole('button', { name: 'Browse providers' }));
    expect(go).toHaveBeenCalledWith({ view: 'browse' });
  });

  it('explains plainly when a link would make more than four', async () => {
    await fakeBrowser.storage.session.set({ compareSelection: ['example-clinic', 'example-home', 'x1', 'x2'] });
    view(['example-closed', 'no-such-provider'], 'compact');
    await screen.findByText(/Not added: Example Closed Chain\. You can compare up to 4 providers at once; remove one first\./);
    expect(screen.getByText(/One provider in this link is not in Clinic Scout’s list\./)).toBeTruthy();
    expect(await stored()).toEqual(['example-clinic', 'example-home', 'x1', 'x2']);
  });
});

describe('CompareToggle (for the card)', () => {
  it('adds and removes the provider, links to the comparison and explains the limit', async () => {
    await fakeBrowser.storage.session.set({ compareSelection: ['x1'] });
    render(<CompareToggle providerId="example-clinic" name="Example Ketamine Clinic" />);
    const box = screen.getByRole('checkbox', { name: 'Compare Example Ketamine Clinic' }) as HTMLInputElement;
    await waitFor(async () => expect(await stored()).toEqual(['x1']));
    fireEvent.click(box);
    await screen.findByText('Added to the comparison (2 of 4).');
    expect(box.checked).toBe(true);
    expect(screen.getByRole('link', { name: 'Compare 2 providers' }).getAttribute('href')).toBe('#/compare/x1,example-clinic');
    fireEvent.click(box);
    await screen.findByText('Removed from the comparison.');

    await fakeBrowser.storage.session.set({ compareSelection: ['x1', 'x2', 'example-home', 'example-closed'] });
    fireEvent.click(box);
    await screen.findByText(/You can compare up to 4 providers at once/);
    expect(box.checked).toBe(false);
  });
});
