import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BrowseView } from '@/components/browse/BrowseView';
import { resetBrowseMemory } from '@/state/browse-search';
import type { Price, Provider } from '@/lib/dataset/schema';
import { closedProvider, makeProvider } from '@/tests/fixtures/providers';

// Made-up providers (tests/fixtures/providers.ts): never real facts.
const price = (low: number | null, high: number | null): Price => ({
  kind: 'session', label: 'Session', low, high, asOf: null, publishedBy: 'provider', sources: [],
});
const clinic = (id: string, name: string, o: Partial<Provider> = {}) => makeProvider({ id, name, ...o });

const providers: Provider[] = [
  clinic('alpha', 'Alpha Infusions', { prices: [price(600, 700)], locations: [{ city: 'Austin', state: 'TX', confirmed: true, sources: [] }] }),
  clinic('bravo', 'Bravo At Home', {
    kind: 'telehealth-programme',
    delivery: { value: 'at-home', sources: [] },
    locations: [],
    statesServed: { value: ['CA'], sources: [] },
    prices: [price(null, 150)],
  }),
  clinic('charlie', 'Charlie Clinic', { prices: [], aka: ['CKC'] }),
  clinic('delta', 'Delta Both', { delivery: { value: 'both', sources: [] }, prices: [price(300, 300)] }),
  clinic('echo', 'Echo Unlisted', {
    kind: 'telehealth-programme',
    delivery: { value: 'at-home', sources: [] },
    locations: [],
    statesServed: { value: null, sources: [] },
    prices: [],
  }),
  { ...closedProvider(), id: 'foxtrot', name: 'Foxtrot Closed' },
  clinic('golf', 'Golf Society', { kind: 'resource', locations: [], prices: [] }),
];

const names = () => within(screen.getByRole('list', { name: 'Providers' })).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const status = () => screen.getByText(/match|providers\.|No providers/, { selector: '.browse__count' });
const go = vi.fn();

beforeEach(() => {
  resetBrowseMemory();
  go.mockReset();
});

describe('Browse', () => {
  it('lists treatment providers by name, hides closed ones and resources, and says so', async () => {
    render(<BrowseView go={go} providers={providers} />);
    expect(names()).toEqual(['Alpha Infusions', 'Bravo At Home', 'Charlie Clinic', 'Delta Both', 'Echo Unlisted']);
    await waitFor(() => expect(status().textContent).toBe('5 providers.'));
    expect(status().getAttribute('aria-live')).toBe('polite');
    expect(screen.getByText(/1 closed provider is hidden/)).toBeTruthy();
    expect(screen.getByText(/1 information resource \(not a treatment provider\) is hidden/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show closed providers' }));
    expect(names()).toContain('Foxtrot Closed');
    const closed = screen.getByRole('heading', { name: 'Foxtrot Closed' }).closest('li')!;
    expect(within(closed).getByText('Closed since 10 Mar 2023')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Closed (no longer treating anyone)' }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Show information resources' }));
    const society = screen.getByRole('heading', { name: 'Golf Society' }).closest('li')!;
    expect(within(society).getByText('Information resource — not a treatment provider.')).toBeTruthy();
    expect(within(society).queryByRole('checkbox')).toBeNull();
  });

  it('gives one line of key facts and links the name to the card', () => {
    render(<BrowseView go={go} providers={providers} />);
    const alpha = screen.getByRole('heading', { name: 'Alpha Infusions' }).closest('li')!;
    expect(alpha.querySelector('.result__facts')!.textContent).toBe('Clinic · IV infusion · Austin, TX · from $600 per session');
    expect(screen.getByRole('link', { name: 'Alpha Infusions' }).getAttribute('href')).toBe('#/provider/alpha');
    const echo = screen.getByRole('heading', { name: 'Echo Unlisted' }).closest('li')!;
    expect(within(echo).getByText('no published price')).toBeTruthy();
    expect(within(echo).getByText('Telehealth (states not published)')).toBeTruthy();
  });

  it('filters with labelled native controls in fieldsets', async () => {
    render(<BrowseView go={go} providers={providers} />);
    for (const legend of ['Location', 'Treatment', 'Where treatment happens', 'Paying', 'Status', 'Other listings']) {
      expect(screen.getByRole('group', { name: legend })).toBeTruthy();
    }
    fireEvent.click(screen.getByRole('radio', { name: 'At home' }));
    // "Both" counts for at home.
    expect(names()).toEqual(['Bravo At Home', 'Delta Both', 'Echo Unlisted']);
    await waitFor(() => expect(status().textContent).toBe('3 providers match (of 7).'));
    expect(screen.getByText(/Filters \(1 in use\)/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'CA' } });
    expect(names()).toEqual(['Bravo At Home']);
    // A telehealth programme that does not publish its states is not silently dropped.
    expect(screen.getByText(/Not included: 1 telehealth programme that does not publish which states it serves \(Echo Unlisted\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show them too' }));
    expect(names()).toEqual(['Bravo At Home', 'Echo Unlisted']);
  });

  it('searches names, other names and cities', () => {
    render(<BrowseView go={go} providers={providers} />);
    const search = screen.getByLabelText('Search');
    fireEvent.input(search, { target: { value: 'ckc' } });
    expect(names()).toEqual(['Charlie Clinic']);
    fireEvent.input(search, { target: { value: 'austin' } });
    expect(names()).toEqual(['Alpha Infusions']);
  });

  it('sorts by lowest price per session, unknown prices last and labelled', () => {
    render(<BrowseView go={go} providers={providers} />);
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'price' } });
    expect(names()).toEqual(['Bravo At Home', 'Delta Both', 'Alpha Infusions', 'Charlie Clinic', 'Echo Unlisted']);
    const bravo = screen.getByRole('heading', { name: 'Bravo At Home' }).closest('li')!;
    expect(within(bravo).getByText('up to $150 per session')).toBeTruthy();
    const last = screen.getByRole('heading', { name: 'Echo Unlisted' }).closest('li')!;
    expect(within(last).getByText('no published price')).toBeTruthy();
  });

  it('when nothing matches, says which filter to remove and offers buttons to do it', async () => {
    render(<BrowseView go={go} providers={providers} />);
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'TX' } });
    fireEvent.click(screen.getByRole('radio', { name: 'At home' }));
    expect(screen.getByRole('heading', { name: 'No providers match' })).toBeTruthy();
    expect(screen.getByText(/Try removing the state filter \(Texas\): 3 providers match without it\./)).toBeTruthy();
    await waitFor(() => expect(status().textContent).toBe('No providers match.'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove the state filter (Texas)' }));
    expect(names()).toEqual(['Bravo At Home', 'Delta Both', 'Echo Unlisted']);

    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'zzz' } });
    expect(screen.getByText(/Try removing the search “zzz”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(names()).toHaveLength(5);
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('');
  });

  it('with no status ticked, suggests the status filter', () => {
    render(<BrowseView go={go} providers={providers} />);
    for (const name of ['Operating', 'Not accepting new patients', 'Not yet open', 'Acquired', 'Status unknown']) fireEvent.click(screen.getByRole('checkbox', { name }));
    expect(screen.getByText(/Try removing the status filter \(none chosen\)/)).toBeTruthy();
  });

  it('adds providers to the comparison in storage.session and explains the limit of four', async () => {
    render(<BrowseView go={go} providers={providers} />);
    const box = (name: string) => screen.getByRole('checkbox', { name: `Compare ${name}` }) as HTMLInputElement;
    for (const n of ['Alpha Infusions', 'Bravo At Home', 'Charlie Clinic', 'Delta Both']) {
      fireEvent.click(box(n));
      await waitFor(() => expect(box(n).checked).toBe(true));
    }
    await screen.findByText('Added Delta Both to the comparison (4 of 4).');
    expect((await fakeBrowser.storage.session.get('compareSelection')).compareSelection).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    fireEvent.click(box('Echo Unlisted'));
    await screen.findByText(/You can compare up to 4 providers at once/);
    expect(box('Echo Unlisted').checked).toBe(false);
    expect(screen.getByText(/Comparing 4 of 4:/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Compare 4 providers' }));
    expect(go).toHaveBeenCalledWith({ view: 'compare', ids: ['alpha', 'bravo', 'charlie', 'delta'] });

    fireEvent.click(box('Bravo At Home'));
    await waitFor(() => expect(box('Bravo At Home').checked).toBe(false));
    await screen.findByText('Removed Bravo At Home from the comparison.');
  });

  it('keeps the search when coming back to Browse', () => {
    const first = render(<BrowseView go={go} providers={providers} />);
    fireEvent.click(screen.getByRole('radio', { name: 'At home' }));
    first.unmount();
    render(<BrowseView go={go} providers={providers} />);
    expect((screen.getByRole('radio', { name: 'At home' }) as HTMLInputElement).checked).toBe(true);
  });

  it('says so when the list is empty', () => {
    render(<BrowseView go={go} providers={[]} />);
    expect(screen.getByRole('heading', { name: 'No providers match' })).toBeTruthy();
  });
});
