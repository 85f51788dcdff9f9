import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { CostEstimate } from '@/components/cost/CostEstimate';
import { estimatePlan } from '@/lib/cost/plan';
import { costSummaryLine } from '@/lib/cost/summary';
import type { Provider } from '@/lib/dataset/schema';
import type { PlanOptions, Quote } from '@/lib/shortlist/schema';
import { makeProvider } from '@/tests/fixtures/providers';
import { makeGeneral, NO_OPTIONS, options } from '@/tests/unit/cost/fixtures';

const today = new Date('2026-11-27T12:00:00Z');
const general = makeGeneral();

/** The view's role: local state, as for a provider that is not on a shortlist. */
function Local({ provider, quote = null, initial = null }: { provider: Provider; quote?: Quote | null; initial?: PlanOptions | null }) {
  const [options, setOptions] = useState<PlanOptions | null>(initial);
  return <CostEstimate provider={provider} general={general} options={options} quote={quote} onOptionsChange={setOptions} today={today} />;
}

const headline = () => screen.getByRole('status').textContent ?? '';
const makeGeneralWith = (savings: string) => {
  const g = makeGeneral();
  return { ...g, spravato: { ...g.spravato, savingsProgramme: { text: savings, sources: [{ url: 'https://example.com/savings', date: null }] } } };
};
const line = (id: string) => document.querySelector(`[data-line="${id}"]`)?.textContent ?? '';

describe('CostEstimate', () => {
  it('leads with the initial series and the consultation, with the caption, and no first year by default', () => {
    render(<Local provider={makeProvider()} />);
    expect(screen.getByText(/^Initial series:/).closest('p')?.textContent).toBe("Initial series: 6 sessions (this clinic's published series)");
    // $250 consultation + 6 × $450–$550.
    expect(headline()).toBe('Consultation and 6 sessions: $2,950–$3,550.');
    expect(screen.getByText('Estimate — confirm with the clinic.')).toBeTruthy();
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
    expect((screen.getByLabelText('Sessions in the initial series') as HTMLInputElement).value).toBe('6');
    expect(screen.getByText("The clinic's published series.")).toBeTruthy();
    expect(line('firstSeries')).toContain('$2,950–$3,550');
    // Maintenance is an explicit choice: no first-year line or figure until it is turned on.
    expect(document.querySelector('[data-line="firstYear"]')).toBeNull();
    expect(document.body.textContent).not.toContain('First year');
    expect(screen.getByRole('button', { name: /^Sources \(\d+\)$/ })).toBeTruthy();
  });

  it('a provider without a published series says the typical series from general.json, sourced', () => {
    render(<Local provider={makeProvider({ protocol: undefined })} />);
    expect(screen.getByText(/^Initial series:/).closest('p')?.textContent).toBe('Initial series: 6–8 sessions over 2–4 weeks — typical; this clinic publishes none');
    expect(screen.getByText('Typical: 6–8 sessions over 2–4 weeks. This clinic publishes none.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Sources/ }));
    expect(screen.getByText('Initial series').nextElementSibling?.textContent).toContain('example.com');
  });

  it('maintenance is an optional line the user turns on; "first year" appears only then', () => {
    render(<Local provider={makeProvider()} />);
    const toggle = screen.getByRole('checkbox', { name: 'Add maintenance (booster) sessions and show the first year' });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByLabelText('Maintenance sessions per month')).toBeNull();
    fireEvent.click(toggle);
    // $250 + 6 × $450–$550 + 11 months × 1 × $450–$550.
    expect(headline()).toBe('Consultation and 6 sessions: $2,950–$3,550. With maintenance, first year: $7,900–$9,600; then $450–$550 a month.');
    expect(line('firstYear')).toContain('$7,900–$9,600');
    expect((screen.getByLabelText('Maintenance sessions per month') as HTMLInputElement).value).toBe('1');
    fireEvent.input(screen.getByLabelText('Months of maintenance'), { target: { value: '23' } });
    expect(line('firstYear')).toContain('First 24 months');
    fireEvent.click(toggle);
    expect(headline()).toBe('Consultation and 6 sessions: $2,950–$3,550.');
  });

  it('changing the number of sessions and the tax rate changes the figures', () => {
    render(<Local provider={makeProvider()} />);
    const sessions = screen.getByLabelText('Sessions in the initial series') as HTMLInputElement;
    expect(sessions.min).toBe('1');
    expect(sessions.max).toBe('20');
    fireEvent.input(sessions, { target: { value: '4' } });
    expect(headline()).toBe('Consultation and 4 sessions: $2,050–$2,450.');
    expect(line('initialSeries')).toContain('Initial series (4 sessions)');
    expect(line('initialSeries')).toContain('$1,800–$2,200');

    fireEvent.input(screen.getByLabelText('Marginal tax rate, if paying with HSA/FSA money'), { target: { value: '25' } });
    expect(headline()).toBe('Consultation and 4 sessions: $2,050–$2,450. Paying with HSA/FSA money at 25%: about $1,538–$1,838.');
    // Cash and the effective HSA/FSA figure side by side.
    expect(line('firstSeries')).toContain('$2,050–$2,450');
    expect(line('firstSeries')).toContain('$1,538–$1,838');
    expect(screen.getByText(/generally an eligible HSA\/FSA expense\. The HSA\/FSA figures take off the 25% tax rate you chose/)).toBeTruthy();
    expect(screen.getByText('This clinic says it accepts HSA/FSA payment.')).toBeTruthy();
  });

  it('refuses 0, 100 and fractions of sessions with a message, never silently; emptying means the usual series', () => {
    const onOptionsChange = vi.fn();
    render(<CostEstimate provider={makeProvider()} general={general} options={null} quote={null} onOptionsChange={onOptionsChange} today={today} />);
    const sessions = screen.getByLabelText('Sessions in the initial series');
    fireEvent.input(sessions, { target: { value: '7' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith({ ...NO_OPTIONS, initialSessions: 7 });
    for (const bad of ['0', '100', '2.5']) {
      onOptionsChange.mockClear();
      fireEvent.input(sessions, { target: { value: bad } });
      expect(onOptionsChange, bad).not.toHaveBeenCalled();
      expect(sessions.getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByText('Enter a whole number from 1 to 20.')).toBeTruthy();
      expect(sessions.getAttribute('aria-describedby')).toContain(screen.getByText('Enter a whole number from 1 to 20.').id);
    }
    // Leaving the field keeps the wrong entry and its message on screen until corrected.
    fireEvent.blur(sessions);
    expect((sessions as HTMLInputElement).value).toBe('2.5');
    expect(screen.getByText('Enter a whole number from 1 to 20.')).toBeTruthy();
    // Emptying a field means "use the default".
    fireEvent.input(sessions, { target: { value: '' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith({ ...NO_OPTIONS, initialSessions: null });
    expect(sessions.getAttribute('aria-invalid')).toBeNull();
  });

  it('a provider with no prices says in words, and on the line, that it uses typical ranges', () => {
    render(<Local provider={makeProvider({ prices: [], protocol: undefined })} />);
    fireEvent.click(screen.getByText('How these figures are worked out'));
    expect(screen.getByText(/This clinic publishes no consultation price; the estimate uses typical consultation prices/)).toBeTruthy();
    expect(screen.getByText(/This clinic publishes no session price; because this clinic lists IV infusions, the estimate uses typical IV infusion prices/)).toBeTruthy();
    expect(line('perSession')).toMatch(/not this (clinic|provider)'s price/);
    expect(line('consultation')).toMatch(/not this (clinic|provider)'s price/);
    expect(line('firstSeries')).toMatch(/not this (clinic|provider)'s price/);
  });

  it('a quote replaces the published range and says so', () => {
    const quote: Quote = { consultation: null, perSession: 500, note: '' };
    render(<Local provider={makeProvider()} quote={quote} />);
    expect(screen.getByText('Using your quote')).toBeTruthy();
    fireEvent.click(screen.getByText('How these figures are worked out'));
    expect(screen.getByText(/Your quote replaces the published range of \$450–\$550/)).toBeTruthy();
    expect(line('perSession')).toContain('$500');
    expect(line('perSession')).not.toContain('$450');
    // $250 + 6 × $500.
    expect(headline()).toBe('Consultation and 6 sessions: $3,250.');
  });

  it('Spravato through insurance uses the programme\'s sourced "$10 per treatment", never "Unknown" instead', () => {
    const withFigure = makeGeneralWith('With commercial insurance, the savings programme lowers the Spravato medication to $10 per treatment, up to $7,150 a year.');
    const provider = makeProvider({ modalities: { value: ['esketamine-nasal'], sources: [] }, prices: [], protocol: { initialSessions: 8, sources: [] } });
    function LocalSpravato() {
      const [o, setO] = useState<PlanOptions | null>(null);
      return <CostEstimate provider={provider} general={withFigure} options={o} quote={null} onOptionsChange={setO} today={today} />;
    }
    render(<LocalSpravato />);
    fireEvent.click(screen.getByLabelText("Spravato (esketamine) through insurance, with the manufacturer's savings programme"));
    expect(line('perSession')).toContain('$10');
    expect(line('perSession')).toContain('medication, savings programme');
    expect(line('initialSeries')).toContain('$80');
    expect(document.body.textContent).not.toContain('Unknown');
    expect(screen.getByText(/Out of pocket per session: \$10 per treatment for the medication, plus the clinic's own fees/)).toBeTruthy();
    expect(screen.getByText(withFigure.spravato.savingsProgramme.text)).toBeTruthy();
    // $200–$500 typical consultation + 8 × $10.
    expect(headline()).toBe('Consultation and 8 sessions: $280–$580.');
  });

  it('Spravato through insurance without a stated figure shows the statement and no invented one', () => {
    const provider = makeProvider({ modalities: { value: ['esketamine-nasal'], sources: [] }, prices: [] });
    render(<Local provider={provider} />);
    fireEvent.click(screen.getByLabelText("Spravato (esketamine) through insurance, with the manufacturer's savings programme"));
    expect(screen.getByText(/Out of pocket per session: unknown — depends on your plan/)).toBeTruthy();
    expect(screen.getByText(general.spravato.savingsProgramme.text)).toBeTruthy();
    expect(line('perSession')).toContain('Unknown');
    expect(headline()).toBe('Consultation and 6 sessions: Unknown.');
  });

  it('offers the Spravato option only where Spravato is listed', () => {
    render(<Local provider={makeProvider()} />);
    expect(screen.queryByLabelText(/Spravato \(esketamine\) through insurance/)).toBeNull();
  });

  it('shows a short, neutral financing note where CareCredit is listed, and explains jargon on a tap', () => {
    render(<Local provider={makeProvider()} />);
    const financing = document.querySelector('.cost-financing')?.textContent ?? '';
    expect(financing).toContain('This clinic lists CareCredit');
    expect(financing).toContain('Deferred-interest cards charge all the interest');
    const term = screen.getByRole('button', { name: 'marginal tax rate' });
    expect(term.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(term);
    expect(term.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(term.getAttribute('aria-controls')!)?.hidden).toBe(false);
    expect(document.getElementById(term.getAttribute('aria-controls')!)?.textContent).toMatch(/income tax/);
  });

  it('compact: no inputs, the figures and the caption still shown', () => {
    render(<CostEstimate provider={makeProvider()} general={general} options={null} quote={null} compact today={today} />);
    expect(screen.queryAllByRole('spinbutton')).toHaveLength(0);
    expect(headline()).toContain('$2,950–$3,550');
    expect(screen.getByText(/Based on published prices; 6-session initial series, no maintenance/)).toBeTruthy();
    expect(screen.getByText('Estimate — confirm with the clinic.')).toBeTruthy();
  });

  it('a clinic the user added (provider null) relies on the quote', () => {
    render(
      <CostEstimate provider={null} general={general} options={null} quote={{ consultation: 300, perSession: 400, note: '' }} onOptionsChange={() => {}} today={today} />,
    );
    expect(headline()).toBe('Consultation and 6 sessions: $2,700.');
  });
});

describe('costSummaryLine (for the Markdown export)', () => {
  it('one plain line: figures, basis, assumptions and the caption', () => {
    const plan = estimatePlan(makeProvider(), general, null, null);
    expect(costSummaryLine(plan)).toBe(
      'Consultation and 6 sessions: $2,950–$3,550. Based on published prices; 6-session initial series, no maintenance. ' +
        'Estimate — confirm with the clinic.',
    );
    const withMaintenance = estimatePlan(makeProvider(), general, options({ maintenancePerMonth: 1, maintenanceMonths: 11 }), null);
    expect(costSummaryLine(withMaintenance)).toBe(
      'Consultation and 6 sessions: $2,950–$3,550. With maintenance, first year: $7,900–$9,600; then $450–$550 a month. ' +
        'Based on published prices; 6-session initial series, 1 maintenance session a month for 11 months. Estimate — confirm with the clinic.',
    );
  });

  it('names typical ranges, the quote, HSA/FSA and an unknown Spravato cost', () => {
    const typical = estimatePlan(makeProvider({ prices: [] }), general, options({ hsaTaxRate: 20, maintenancePerMonth: 0 }), null);
    expect(costSummaryLine(typical)).toMatch(/^Consultation and 6 sessions: \$2,600–\$5,300\. Paying with HSA\/FSA money at 20%: about \$2,080–\$4,240\. Based on typical market ranges; 6-session initial series, no maintenance\./);
    const quoted = estimatePlan(makeProvider({ prices: [] }), general, null, { consultation: null, perSession: 500, note: '' });
    expect(costSummaryLine(quoted)).toContain('Based on your quote and typical market ranges;');
    const spravato = estimatePlan(makeProvider({ modalities: { value: ['esketamine-nasal'], sources: [] } }), general, options({ spravatoInsurance: true }), null);
    const line = costSummaryLine(spravato);
    expect(line).toContain('Consultation and 6 sessions: Unknown');
    expect(line).toContain('Spravato through insurance: out of pocket unknown — depends on your plan.');
    expect(line).not.toMatch(/\n/);
  });
});
