import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ChangeNotice } from '@/components/shortlist/ChangeNotice';
import { ChangeHistory } from '@/components/shortlist/ChangeHistory';
import { markSeen, reconcile, startTracking } from '@/lib/changes/tracking';
import { makeProvider } from '@/tests/fixtures/providers';
import { makeItem } from '@/tests/fixtures/shortlists';

const A = { app: '0.1.0', data: 'aaaaaaaaaaaaaaaa' };
const B = { app: '0.2.0', data: 'bbbbbbbbbbbbbbbb' };
const before = makeProvider();
const after = makeProvider({
  status: { state: 'closed', since: '2023-03-10', detail: 'Closed.', sources: [{ url: 'https://news.example.com/closure', date: '2023-03-16', title: 'Local news', thirdParty: true }] },
  prices: [before.prices[0]!, { ...before.prices[1]!, low: 500, high: 650 }],
});
const T = Date.UTC(2026, 10, 22, 12);
const saved = makeItem({ id: 'i1', shortlistId: 'l1', providerId: before.id, ...startTracking(before, A, T - 1000) });
const changed = reconcile(saved, after, B, T)!;

describe('ChangeNotice', () => {
  it('says what changed, the closure first and plainly, with the sources of the new fact', () => {
    render(<ChangeNotice item={changed} place="row" onSeen={async () => {}} today={new Date(T)} />);
    const notice = screen.getByRole('region', { name: 'Changes' });
    expect(notice.textContent).toMatch(/^Changed since you saved it:/);
    const items = within(notice).getAllByRole('listitem');
    expect(items.map((li) => li.firstChild?.textContent)).toEqual(['Now closed (since 10 Mar 2023)', 'Price per session was $450–$550, now $500–$650']);
    expect(within(items[0]!).getByRole('link', { name: 'Local news' }).getAttribute('href')).toBe('https://news.example.com/closure');
  });

  it('"Mark as seen" calls the store and reports a failure', async () => {
    const onSeen = vi.fn(async () => {});
    const { unmount } = render(<ChangeNotice item={changed} place="card" onSeen={onSeen} />);
    fireEvent.click(screen.getByRole('button', { name: 'Mark as seen' }));
    await waitFor(() => expect(onSeen).toHaveBeenCalledTimes(1));
    unmount();
    render(<ChangeNotice item={changed} place="card" onSeen={() => Promise.reject(new Error('disk full'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Mark as seen' }));
    await screen.findByRole('alert');
  });

  it('a provider gone from the dataset: "No longer in Clinic Scout\'s list since version …"', () => {
    const gone = reconcile(saved, null, B, T)!;
    render(<ChangeNotice item={gone} place="row" onSeen={async () => {}} />);
    expect(screen.getByRole('region').textContent).toMatch(/No longer in Clinic Scout's list since version 0\.2\.0 \(noticed 22 Nov 2026\)/);
  });
});

describe('ChangeHistory', () => {
  it('keeps what was seen, with the old values', () => {
    render(<ChangeHistory item={markSeen(changed, after, B, T + 86_400_000)!} />);
    expect(screen.getByText(/Found 22 Nov 2026, marked as seen 23 Nov 2026/)).toBeTruthy();
    expect(screen.getByText('Price per session was $450–$550, now $500–$650')).toBeTruthy();
  });
});
