import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ProviderCard } from '@/components/provider-card/ProviderCard';
import { closedProvider, makeProvider } from '@/tests/fixtures/providers';

const today = new Date('2026-11-27T12:00:00Z');
const nameOf = () => 'Other Clinic';

describe('ProviderCard', () => {
  it('shows name, status, treatment, prices with the estimate caption and sources', () => {
    render(<ProviderCard provider={makeProvider()} nameOf={nameOf} today={today} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Example Ketamine Clinic' })).toBeTruthy();
    expect(screen.getByText('Operating')).toBeTruthy();
    expect(screen.getByText('IV infusion')).toBeTruthy();
    expect(screen.getByText('$450–$550')).toBeTruthy();
    expect(screen.getByText('Estimate — confirm with the clinic.')).toBeTruthy();
    // A dated source older than a year is marked; an undated one says so.
    expect(screen.getAllByText(/over 12 months old/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/date not shown/).length).toBeGreaterThan(0);
  });

  it('puts a closed provider\'s closure first, as an alert with its date', () => {
    render(<ProviderCard provider={closedProvider()} nameOf={nameOf} today={today} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/Closed since 10 Mar 2023/);
    expect(within(alert).getByText(/third-party/)).toBeTruthy();
    // Unknown prices read as not published, never as a guess.
    expect(screen.getByText('Not published')).toBeTruthy();
  });

  it('labels the provider\'s own claims as claims', () => {
    render(<ProviderCard provider={makeProvider()} nameOf={nameOf} today={today} />);
    expect(screen.getByRole('heading', { name: 'What the provider says about itself' })).toBeTruthy();
    expect(screen.getByText(/not independently checked/)).toBeTruthy();
  });

  it('marks an unconfirmed location', () => {
    const p = makeProvider({ locations: [{ city: null, state: 'TX', confirmed: false, sources: [{ url: 'https://example-clinic.com/', date: null }] }] });
    render(<ProviderCard provider={p} nameOf={nameOf} today={today} />);
    expect(screen.getByText(/location not confirmed/)).toBeTruthy();
  });

  it('never renders a non-http link from data', () => {
    const p = makeProvider({ sources: [{ url: 'javascript:alert(1)', date: null }] });
    const { container } = render(<ProviderCard provider={p} nameOf={nameOf} today={today} />);
    for (const a of container.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:|tel:|mailto:)/);
  });
});
