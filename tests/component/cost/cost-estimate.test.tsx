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
const line = (id: string) => document.querySelector(`[data-line="${id}"]`)?.textContent ?? '';

describe('CostEstimate', () => {
  it('shows a first-year range from the published prices, with the caption and sources', () => {
    render(<Local provider={makeProvider()} />);
    // $250 consultation + 6 × $450–$550 + 11 months × 1 × $450–$550.
    expect(headline()).toBe('First year: $7,900–$9,600; then $450–$550 a month.');
    expect(screen.getByText('Estimate — confirm with the clinic.')).toBeTruthy();
    expect(screen.getByText('Sources for these figures:')).toBeTruthy();
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
    expect((screen.getByLabelText('Sessions in the initial series') as HTMLInputElement).value).toBe('6');
    expect(screen.getByText("The clinic's published series.")).toBeTruthy();
  });

  it('changing the number of sessions and the tax rate changes the figures', () => {
    render(<Local provider={makeProvider()} />);
    const sessions = screen.getByLabelText('Sessions in the initial series') as HTMLInputElement;
    expect(sessions.min).toBe('0');
    expect(sessions.max).toBe('100');
    fireEvent.input(sessions, { target: { value: '8' } });
    expect(headline()).toBe('First year: $8,800–$10,700; then $450–$550 a month.');
    expect(line('initialSeries')).toContain('Initial series (8 sessions)');
    expect(line('initialSeries')).toContain('$3,600–$4,400');

    fireEvent.input(screen.getByLabelText('Marginal tax rate, if paying with HSA/FSA money'), { target: { value: '25' } });
    expect(headline()).toBe('First year: $8,800–$10,700; then $450–$550 a month. Paying with HSA/FSA money at 25%: about $6,600–$8,025, then $338–$413 a month.');
    // Cash and the effective HSA/FSA figure side by side.
    expect(line('firstYear')).toContain('$8,800–$10,700');
    expect(line('firstYear')).toContain('$6,600–$8,025');
    expect(screen.getByText(/generally an eligible HSA\/FSA expense\. The HSA\/FSA figures take off the 25% tax rate you chose/)).toBeTruthy();
    expect(screen.getByText('This clinic says it accepts HSA/FSA payment.')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Maintenance sessions per month'), { target: { value: '0' } });
    expect(headline()).toBe('First year: $3,850–$4,650; then $0 a month. Paying with HSA/FSA money at 25%: about $2,888–$3,488.');
  });

  it('reports whole PlanOptions and ignores out-of-range input, saying what is allowed', () => {
    const onOptionsChange = vi.fn();
    render(<CostEstimate provider={makeProvider()} general={general} options={null} quote={null} onOptionsChange={onOptionsChange} today={today} />);
    const sessions = screen.getByLabelText('Sessions in the initial series');
    fireEvent.input(sessions, { target: { value: '7' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith({ ...NO_OPTIONS, initialSessions: 7 });
    onOptionsChange.mockClear();
    fireEvent.input(sessions, { target: { value: '2.5' } });
    expect(onOptionsChange).not.toHaveBeenCalled();
    expect(sessions.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a whole number from 0 to 100.')).toBeTruthy();
    // Emptying a field means "use the default".
    fireEvent.input(sessions, { target: { value: '' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith({ ...NO_OPTIONS, initialSessions: null });
  });

  it('a provider with no prices says in words that it uses typical ranges', () => {
    render(<Local provider={makeProvider({ prices: [], protocol: undefined })} />);
    expect(screen.getByText(/This clinic publishes no consultation price; the estimate uses typical consultation prices/)).toBeTruthy();
    expect(screen.getByText(/This clinic publishes no session price; because this clinic lists IV infusions, the estimate uses typical IV infusion prices/)).toBeTruthy();
    expect(screen.getByText('A common series; this clinic publishes none.')).toBeTruthy();
    expect(screen.getAllByText('Typical range').length).toBeGreaterThan(0);
  });

  it('a quote replaces the published range and says so', () => {
    const quote: Quote = { consultation: null, perSession: 500, note: '' };
    render(<Local provider={makeProvider()} quote={quote} />);
    expect(screen.getByText('Using your quote')).toBeTruthy();
    expect(screen.getByText(/Your quote replaces the published range of \$450–\$550/)).toBeTruthy();
    expect(line('perSession')).toContain('$500');
    expect(line('perSession')).not.toContain('$450');
    // $250 + 6 × $500 + 11 × $500.
    expect(headline()).toBe('First year: $8,750; then $500 a month.');
  });

  it('Spravato through insurance shows the programme statement and never an invented figure', () => {
    const provider = makeProvider({ modalities: { value: ['esketamine-nasal'], sources: [] }, prices: [] });
    render(<Local provider={provider} />);
    const before = document.body.textContent ?? '';
    expect(before).toMatch(/\$/);
    fireEvent.click(screen.getByLabelText("Spravato (esketamine) through insurance, with the manufacturer's savings programme"));
    expect(screen.getByText('unknown — depends on your plan')).toBeTruthy();
    expect(screen.getByText(general.spravato.savingsProgramme.text)).toBeTruthy();
    expect(line('perSession')).toContain('Unknown');
    expect(line('firstYear')).toContain('Unknown');
    expect(headline()).toBe('First year: Unknown; then an unknown amount a month.');
    // Every dollar figure on screen is the typical consultation range or is quoted from general.json.
    const allowed = new Set(['$200', '$500', '$200–$500']);
    const statements = [general.spravato.savingsProgramme.text, general.spravato.coverage.text].join(' ');
    let text = document.body.textContent ?? '';
    for (const s of statements.split(/(?<=\.)\s/)) text = text.replace(s, '');
    const figures = text.match(/\$[\d,]+(?:–\$[\d,]+)?/g) ?? [];
    for (const f of figures) expect(allowed.has(f), `unexpected figure ${f}`).toBe(true);
  });

  it('offers the Spravato option only where Spravato is listed', () => {
    render(<Local provider={makeProvider()} />);
    expect(screen.queryByLabelText(/Spravato \(esketamine\) through insurance/)).toBeNull();
  });

  it('shows a short, neutral financing note where CareCredit is listed', () => {
    render(<Local provider={makeProvider()} />);
    expect(screen.getByText(/This clinic lists CareCredit\./)).toBeTruthy();
    expect(screen.getByText(/Deferred-interest cards charge all the interest/)).toBeTruthy();
  });

  it('compact: no inputs, the figures and the caption still shown', () => {
    render(<CostEstimate provider={makeProvider()} general={general} options={null} quote={null} compact today={today} />);
    expect(screen.queryAllByRole('spinbutton')).toHaveLength(0);
    expect(headline()).toContain('$7,900–$9,600');
    expect(screen.getByText(/Based on published prices; 6-session initial series/)).toBeTruthy();
    expect(screen.getByText('Estimate — confirm with the clinic.')).toBeTruthy();
  });

  it('a clinic the user added (provider null) relies on the quote', () => {
    render(
      <CostEstimate provider={null} general={general} options={null} quote={{ consultation: 300, perSession: 400, note: '' }} onOptionsChange={() => {}} today={today} />,
    );
    expect(headline()).toBe('First year: $7,100; then $400 a month.');
  });
});

describe('costSummaryLine (for the Markdown export)', () => {
  it('one plain line: figures, basis, assumptions and the caption', () => {
    const plan = estimatePlan(makeProvider(), general, null, null);
    expect(costSummaryLine(plan)).toBe(
      'First year: $7,900–$9,600; then $450–$550 a month. Based on published prices; 6-session initial series, ' +
        '1 maintenance session a month for 11 months. Estimate — confirm with the clinic.',
    );
  });

  it('names typical ranges, the quote, HSA/FSA and an unknown Spravato cost', () => {
    const typical = estimatePlan(makeProvider({ prices: [] }), general, options({ hsaTaxRate: 20, maintenancePerMonth: 0 }), null);
    expect(costSummaryLine(typical)).toMatch(/^First year: \$2,600–\$5,300; then \$0 a month\. Paying with HSA\/FSA money at 20%: about \$2,080–\$4,240\. Based on typical market ranges; 6-session initial series, no maintenance\./);
    const quoted = estimatePlan(makeProvider({ prices: [] }), general, null, { consultation: null, perSession: 500, note: '' });
    expect(costSummaryLine(quoted)).toContain('Based on your quote and typical market ranges;');
    const spravato = estimatePlan(makeProvider({ modalities: { value: ['esketamine-nasal'], sources: [] } }), general, options({ spravatoInsurance: true }), null);
    const line = costSummaryLine(spravato);
    expect(line).toContain('First year: Unknown');
    expect(line).toContain('Spravato through insurance: out of pocket unknown — depends on your plan.');
    expect(line).not.toMatch(/\n/);
  });
});
