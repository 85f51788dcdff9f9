import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ProviderCard } from '@/components/provider-card/ProviderCard';
import { estimatePlan } from '@/lib/cost/plan';
import { makeGeneral } from '@/tests/unit/cost/fixtures';
import { closedProvider, makeProvider } from '@/tests/fixtures/providers';

const today = new Date('2026-11-27T12:00:00Z');
const nameOf = () => 'Other Clinic';
const general = makeGeneral();

const summary = () => screen.getByRole('region', { name: 'At a glance' });
/** The summary's rows as label → text. */
function rows(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of summary().querySelectorAll('.summary__row')) {
    out[row.querySelector('dt')!.textContent!] = row.querySelector('dd')!.textContent!;
  }
  return out;
}

describe('ProviderCard summary', () => {
  it('answers status, what, where, price, first series, insurance, HSA/FSA and CareCredit in one block, with the actions', () => {
    const p = makeProvider();
    render(
      <ProviderCard
        provider={p}
        nameOf={nameOf}
        today={today}
        plan={estimatePlan(p, general, null, null)}
        actions={<button type="button">Add to shortlist</button>}
      />,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Example Ketamine Clinic' })).toBeTruthy();
    expect(rows()).toEqual({
      Status: 'Operating',
      What: 'IV infusion',
      Where: 'In clinic: Springfield, IL',
      'Per session': '$450–$550',
      // $250 + 6 × $450–$550
      'First series': '6 sessions: about $2,950–$3,550 with the consultation Estimate — confirm with the clinic.',
      Insurance: 'Not accepted',
      'HSA/FSA': 'Yes · CareCredit: Yes',
    });
    expect(within(summary()).getByRole('button', { name: 'Add to shortlist' })).toBeTruthy();
    // The summary comes before every section.
    const first = document.querySelector('.card section');
    expect(first?.getAttribute('aria-labelledby')).toBe('summary-heading');
  });

  it('jump links reach every section, "Safety" opens "Before you start"', () => {
    const p = makeProvider();
    render(
      <ProviderCard
        provider={p}
        nameOf={nameOf}
        today={today}
        plan={estimatePlan(p, general, null, null)}
        checklist={<p>checklist</p>}
        beforeYouStart={
          <details>
            <summary>Before you start</summary>
            <p>Side effects</p>
          </details>
        }
      />,
    );
    const nav = within(summary()).getByRole('navigation', { name: 'On this card' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Costs', 'Insurance', 'Treatment', 'Staff', 'Questions', 'Safety', 'Sources']);
    for (const a of links) expect(document.getElementById(a.getAttribute('href')!.slice(1)), a.textContent!).toBeTruthy();
    Element.prototype.scrollIntoView = vi.fn();
    fireEvent.click(within(nav).getByRole('link', { name: 'Safety' }));
    expect(document.querySelector('details')?.open).toBe(true);
    expect(document.activeElement?.id).toBe('safety-heading');
  });

  it("puts a closed provider's closure first, says what happened, and offers open providers near its locations instead of an estimate", () => {
    const onBrowseState = vi.fn();
    const p = closedProvider();
    render(<ProviderCard provider={p} nameOf={nameOf} today={today} plan={null} onBrowseState={onBrowseState} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/^Closed since 10 Mar 2023/);
    expect(alert.textContent).toContain('All clinics closed with 30 minutes notice');
    expect(summary().firstElementChild?.nextElementSibling).toBe(alert);
    fireEvent.click(within(alert).getByRole('button', { name: 'Browse open providers in Illinois' }));
    expect(onBrowseState).toHaveBeenCalledWith('IL');
    // Where it was, not what it charged.
    expect(Object.keys(rows())).toEqual(['What', 'Where']);
    expect(screen.queryByText(/Estimate — confirm/)).toBeNull();
  });

  it('an acquired or not-accepting provider says so first, plainly', () => {
    const acquired = makeProvider({ status: { state: 'acquired', since: '2023-06-06', detail: 'Sold to another company (test record).', sources: [] } });
    const { unmount } = render(<ProviderCard provider={acquired} nameOf={nameOf} today={today} plan={null} onBrowseState={() => {}} />);
    expect(screen.getByRole('alert').textContent).toMatch(/^Acquired since 6 Jun 2023Sold to another company/);
    expect(screen.getByRole('button', { name: 'Browse open providers in Illinois' })).toBeTruthy();
    unmount();
    const waiting = makeProvider({ status: { state: 'not-accepting', since: null, detail: 'No new patients (test record).', sources: [] } });
    render(<ProviderCard provider={waiting} nameOf={nameOf} today={today} plan={estimatePlan(waiting, general, null, null)} />);
    const status = summary().querySelector('.summary__status')!;
    expect(status.textContent).toMatch(/^Not accepting new patients/);
    expect(rows()['First series']).toContain('about $2,950–$3,550');
  });

  it('says "Not published" for a price, marks unconfirmed places, and a typical-range estimate says so', () => {
    const p = makeProvider({
      prices: [],
      protocol: undefined,
      locations: [
        { city: 'Albuquerque', state: 'NM', label: 'Albuquerque, NM (inferred from the area code)', confirmed: false, sources: [] },
      ],
    });
    render(<ProviderCard provider={p} nameOf={nameOf} today={today} plan={estimatePlan(p, general, null, null)} />);
    expect(rows()['Per session']).toBe('Not published');
    expect(rows()['Where']).toBe('In clinic: Albuquerque, NMnot confirmed');
    expect(rows()['First series']).toBe("6–8 sessions over 2–4 weeks: about $2,600–$5,300 with the consultation (typical prices, not this clinic's) Estimate — confirm with the clinic.");
    // The location list names the state once.
    expect(screen.getByText('Albuquerque, NM (inferred from the area code)')).toBeTruthy();
    expect(document.body.textContent).not.toContain('code), NM');
  });

  it('a Spravato provider states the savings programme\'s sourced figure, and with the option on the price is the medication\'s', () => {
    const p = makeProvider({ modalities: { value: ['esketamine-nasal'], sources: [] }, insurance: { ...makeProvider().insurance, accepted: 'yes' } });
    const savings = { perTreatment: 10, sources: [{ url: 'https://example.com/savings', date: null }] };
    const { unmount } = render(<ProviderCard provider={p} nameOf={nameOf} today={today} plan={estimatePlan(p, general, null, null)} spravatoSavings={savings} />);
    expect(rows()['Per session']).toBe('$450–$550 With commercial insurance, the savings programme: $10 per treatment for the medication.');
    unmount();
    const withFigure = { ...general, spravato: { ...general.spravato, savingsProgramme: { text: 'It lowers the medication to $10 per treatment.', sources: savings.sources } } };
    const on = estimatePlan(p, withFigure, { initialSessions: null, maintenancePerMonth: null, maintenanceMonths: null, hsaTaxRate: null, spravatoInsurance: true }, null);
    render(<ProviderCard provider={p} nameOf={nameOf} today={today} plan={on} spravatoSavings={savings} />);
    expect(rows()['Per session']).toBe("$10 for the medication with the savings programme, plus the clinic's fees");
  });

  it('keeps sources behind one "Sources (n)" toggle per section, closed until asked', () => {
    const p = makeProvider();
    render(<ProviderCard provider={p} nameOf={nameOf} today={today} plan={estimatePlan(p, general, null, null)} />);
    const toggles = screen.getAllByRole('button', { name: /^Sources \(\d+\)$/ });
    expect(toggles.length).toBeGreaterThanOrEqual(5);
    for (const t of toggles) {
      expect(t.getAttribute('aria-expanded')).toBe('false');
      expect(document.getElementById(t.getAttribute('aria-controls')!)?.hidden).toBe(true);
    }
    // Outside the closed toggles, only the Sources section lists sources.
    const visible = [...document.querySelectorAll('.sources')].filter((el) => !el.closest('[hidden]'));
    for (const el of visible) expect(el.closest('section')?.getAttribute('aria-labelledby')).toBe('sources-heading');
    const insurance = screen.getByRole('region', { name: 'Insurance and paying' });
    const toggle = within(insurance).getByRole('button', { name: 'Sources (1)' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(insurance).getAllByRole('link', { name: 'example-clinic.com' }).length).toBeGreaterThan(0);
  });

  it('explains jargon on a tap (IM, superbill)', () => {
    const p = makeProvider({ modalities: { value: ['im-injection'], sources: [] } });
    render(<ProviderCard provider={p} nameOf={nameOf} today={today} />);
    const im = screen.getAllByRole('button', { name: 'IM' })[0]!;
    const text = document.getElementById(im.getAttribute('aria-controls')!)!;
    expect(text.hidden).toBe(true);
    fireEvent.click(im);
    expect(im.getAttribute('aria-expanded')).toBe('true');
    expect(text.hidden).toBe(false);
    expect(text.textContent).toContain('Intramuscular');
    expect(screen.getAllByRole('button', { name: 'Superbill' }).length).toBeGreaterThan(0);
  });

  it("labels the provider's own claims as claims", () => {
    render(<ProviderCard provider={makeProvider()} nameOf={nameOf} today={today} />);
    expect(screen.getByRole('heading', { name: 'What the provider says about itself' })).toBeTruthy();
    expect(screen.getByText(/not independently checked/)).toBeTruthy();
  });

  it('marks sources older than a year and undated ones when opened', () => {
    render(<ProviderCard provider={makeProvider()} nameOf={nameOf} today={today} />);
    expect(screen.getAllByText(/over 12 months old/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/date not shown/).length).toBeGreaterThan(0);
  });

  it('never renders a non-http link from data (jump links stay on the page)', () => {
    const p = makeProvider({ sources: [{ url: 'javascript:alert(1)', date: null }] });
    const { container } = render(<ProviderCard provider={p} nameOf={nameOf} today={today} />);
    for (const a of container.querySelectorAll('a[href]')) {
      if (a.closest('.summary__jump')) expect(a.getAttribute('href')).toMatch(/^#[a-z]+-heading$/);
      else expect(a.getAttribute('href')).toMatch(/^(https?:|tel:|mailto:)/);
    }
  });
});
