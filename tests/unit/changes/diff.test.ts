import { describe, expect, it } from 'vitest';
import { PRIORITY, diffSnapshots, type ChangeField } from '../../../lib/changes/diff';
import { snapshotOf } from '../../../lib/changes/snapshot';
import { Change, DecisionSnapshot } from '../../../lib/changes/schema';
import type { Price, Provider } from '../../../lib/dataset/schema';
import { closedProvider, makeProvider } from '../../fixtures/providers';

const news = (path: string) => [{ url: `https://news.example.com${path}`, date: '2026-02-01', thirdParty: true }];

const session = (low: number | null, high: number | null, extra: Partial<Price> = {}): Price => ({
  kind: 'session',
  label: 'IV infusion, 1 hour',
  low,
  high,
  asOf: '2024-05-01',
  publishedBy: 'provider',
  sources: [{ url: 'https://example-clinic.com/prices', date: '2024-05-01' }],
  ...extra,
});

/** Saves `before`, then diffs against `after` (a modified copy). */
function diff(before: Provider, after: Provider) {
  const saved = DecisionSnapshot.parse(JSON.parse(JSON.stringify(snapshotOf(before))));
  const changes = diffSnapshots(saved, after);
  for (const c of changes) expect(Change.safeParse(c).success).toBe(true); // storable as is
  return changes;
}

const texts = (changes: readonly { text: string }[]) => changes.map((c) => c.text);

describe('no false alarms', () => {
  it('the same record gives no change', () => {
    const p = makeProvider();
    expect(diff(p, p)).toEqual([]);
    expect(diff(closedProvider(), closedProvider())).toEqual([]);
  });

  it('source dates, asOf, notes, order of prices and locations, new sources: no change', () => {
    const before = makeProvider({
      locations: [
        { city: 'Springfield', state: 'IL', confirmed: true, sources: [] },
        { city: 'Denver', state: 'CO', confirmed: true, sources: [] },
      ],
    });
    const after = makeProvider({
      status: { ...before.status, detail: 'Reworded.', sources: news('/still-open') },
      prices: [...before.prices].reverse().map((p) => ({ ...p, asOf: '2026-01-15', sources: news('/prices'), includes: 'a new note' })),
      locations: [...before.locations].reverse().map((l) => ({ ...l, label: undefined, sources: news('/where') })),
      insurance: { ...before.insurance, networks: ['Aetna'], note: 'new note', sources: news('/ins') },
      financing: { ...before.financing, paymentPlans: 'yes', sources: news('/fin') },
      summary: 'Rewritten summary.',
      lastReviewed: '2027-01-01',
    });
    expect(diff(before, after)).toEqual([]);
  });

  it('a price label differing only in case or spacing is the same price', () => {
    const before = makeProvider({ prices: [session(400, 600)] });
    const after = makeProvider({ prices: [session(400, 600, { label: '  iv infusion,  1 HOUR ' })] });
    expect(diff(before, after)).toEqual([]);
  });

  it('an operating business’s "since" date, or a closure date made coarser or dropped, is not news', () => {
    const before = makeProvider({ status: { ...makeProvider().status, since: '2016' } });
    expect(diff(before, makeProvider({ status: { ...before.status, since: '2018-04' } }))).toEqual([]);
    const closed = closedProvider();
    expect(diff(closed, { ...closed, status: { ...closed.status, since: '2023-03' } })).toEqual([]);
    expect(diff(closed, { ...closed, status: { ...closed.status, since: null } })).toEqual([]);
  });
});

describe('status', () => {
  it('operating → closed: "Now closed (since 10 Mar 2023)", with the closure’s sources, first', () => {
    const before = makeProvider();
    const after = makeProvider({
      status: { state: 'closed', since: '2023-03-10', detail: 'Closed.', sources: news('/closure') },
      prices: [before.prices[0]!, { ...before.prices[1]!, low: 500 }],
    });
    const changes = diff(before, after);
    expect(changes[0]).toMatchObject({
      field: 'status',
      kind: 'changed',
      text: 'Now closed (since 10 Mar 2023)',
      priority: PRIORITY.closure,
      old: { state: 'operating', since: null },
      new: { state: 'closed', since: '2023-03-10' },
      sources: news('/closure'),
    });
    expect(changes).toHaveLength(2);
  });

  it('acquired, not accepting, not yet open, reopened, now unknown', () => {
    const base = makeProvider();
    const withState = (state: Provider['status']['state'], since: string | null = null) =>
      makeProvider({ status: { ...base.status, state, since, sources: news(`/${state}`) } });
    expect(diff(base, withState('acquired', '2022-06'))[0]).toMatchObject({
      text: 'Acquired: now under new ownership (since Jun 2022)',
      priority: PRIORITY.closure,
    });
    expect(diff(base, withState('not-accepting'))[0]).toMatchObject({ text: 'Now not accepting new patients', priority: PRIORITY.status });
    expect(diff(base, withState('not-yet-open'))[0]!.text).toBe('Now listed as not yet open');
    expect(diff(base, withState('unknown'))[0]).toMatchObject({ kind: 'changed', text: 'Current status now unknown (was operating)' });
    expect(diff(withState('closed', '2023-03-10'), withState('operating', '2024-01'))[0]).toMatchObject({
      kind: 'changed',
      text: 'Operating again (since Jan 2024)',
      priority: PRIORITY.status,
    });
  });

  it('unknown → known is new information; unknown → closed is still a closure and comes first', () => {
    const unknown = makeProvider({ status: { ...makeProvider().status, state: 'unknown' } });
    expect(diff(unknown, makeProvider())).toEqual([
      expect.objectContaining({ field: 'status', kind: 'learned', text: 'Status: was unknown, now operating', priority: PRIORITY.learned }),
    ]);
    const closed = makeProvider({ status: { state: 'closed', since: '2023-03-10', detail: 'x', sources: [] } });
    expect(diff(unknown, closed)[0]).toMatchObject({ kind: 'learned', text: 'Now closed (since 10 Mar 2023)', priority: PRIORITY.closure });
  });

  it('a closure date becoming known or more precise is new information; a different date is a change', () => {
    const closed = closedProvider();
    const at = (since: string | null) => ({ ...closed, status: { ...closed.status, since } });
    expect(diff(at(null), at('2023-03-10'))[0]).toMatchObject({ kind: 'learned', text: 'Closed since 10 Mar 2023 (date now known)' });
    expect(diff(at('2023-03'), at('2023-03-10'))[0]).toMatchObject({ kind: 'learned', priority: PRIORITY.learned });
    expect(diff(at('2023-03-10'), at('2023-04-02'))[0]).toMatchObject({
      kind: 'changed',
      text: 'Closed since 2 Apr 2023 (was given as 10 Mar 2023)',
      priority: PRIORITY.status,
    });
  });
});

describe('prices', () => {
  it('a range that moved: "Price per session was $400–$600, now $450–$650", with the price’s sources', () => {
    const before = makeProvider({ prices: [session(400, 600)] });
    const after = makeProvider({ prices: [session(450, 650, { sources: news('/new-prices') })] });
    expect(diff(before, after)).toEqual([
      {
        field: 'price',
        kind: 'changed',
        text: 'Price per session was $400–$600, now $450–$650',
        priority: PRIORITY.costAndPlace,
        old: expect.objectContaining({ low: 400, high: 600 }),
        new: expect.objectContaining({ low: 450, high: 650 }),
        sources: news('/new-prices'),
      },
    ]);
  });

  it('one end of a range, a single figure, open ranges', () => {
    const at = (low: number | null, high: number | null) => makeProvider({ prices: [session(low, high)] });
    expect(texts(diff(at(400, 600), at(400, 700)))).toEqual(['Price per session was $400–$600, now $400–$700']);
    expect(texts(diff(at(500, 500), at(550, 550)))).toEqual(['Price per session was $500, now $550']);
    expect(texts(diff(at(400, null), at(400, 600)))).toEqual(['Price per session was from $400, now $400–$600']);
  });

  it('matched by kind + label: a second price of the same kind is named by its label', () => {
    const ketamine = session(400, 600);
    const spravato = session(300, 300, { label: 'Spravato session' });
    const before = makeProvider({ prices: [ketamine, spravato] });
    const after = makeProvider({ prices: [{ ...spravato, low: 350, high: 350 }, ketamine] });
    expect(texts(diff(before, after))).toEqual(['Price per session (Spravato session) was $300, now $350']);
    // Same label, other kind: a different price.
    const consult = makeProvider({ prices: [{ ...ketamine, kind: 'consultation' }] });
    expect(diff(makeProvider({ prices: [ketamine] }), consult).map((c) => c.kind)).toEqual(['added', 'removed']);
  });

  it('added and removed prices name the kind and label', () => {
    const before = makeProvider({ prices: [session(400, 600)] });
    const after = makeProvider({
      prices: [{ kind: 'package', label: 'Six infusions', low: 2400, high: 2400, sessions: 6, asOf: null, publishedBy: 'provider', sources: news('/pkg') }],
    });
    const changes = diff(before, after);
    expect(texts(changes)).toEqual([
      'New price listed: package price (Six infusions), $2,400 for 6 sessions',
      'No longer listed: price per session (IV infusion, 1 hour), $400–$600',
    ]);
    expect(changes[0]).toMatchObject({ kind: 'added', old: null, sources: news('/pkg') });
    expect(changes[1]).toMatchObject({ kind: 'removed', new: null, sources: after.sources });
  });

  it('a package’s number of sessions is part of its price', () => {
    const pkg = (sessions: number): Price => ({ kind: 'package', label: 'Series', low: 2400, high: 2400, sessions, asOf: null, publishedBy: 'provider', sources: [] });
    expect(texts(diff(makeProvider({ prices: [pkg(6)] }), makeProvider({ prices: [pkg(8)] })))).toEqual([
      'Package price was $2,400 for 6 sessions, now $2,400 for 8 sessions',
    ]);
  });

  it('unknown → known is new information; known → unknown says the figure is no longer published', () => {
    const at = (low: number | null, high: number | null) => makeProvider({ prices: [session(low, high)] });
    expect(diff(at(null, null), at(450, 650))[0]).toMatchObject({
      kind: 'learned',
      text: 'Price per session now published: $450–$650',
      priority: PRIORITY.learned,
    });
    expect(diff(at(450, 650), at(null, null))[0]).toMatchObject({
      kind: 'changed',
      text: 'Price per session no longer published (was $450–$650)',
      priority: PRIORITY.costAndPlace,
    });
  });
});

describe('locations', () => {
  const loc = (city: string | null, state: 'CO' | 'IL' | 'TX', extra: Record<string, unknown> = {}) => ({ city, state, confirmed: true, sources: news(`/${city}`), ...extra });

  it('added: "New location: Denver, CO"; removed: "No longer listed: location in Springfield, IL"', () => {
    const before = makeProvider({ locations: [loc('Springfield', 'IL')] });
    const after = makeProvider({ locations: [loc('Denver', 'CO')] });
    const changes = diff(before, after);
    expect(texts(changes)).toEqual(['New location: Denver, CO', 'No longer listed: location in Springfield, IL']);
    expect(changes.map((c) => c.kind)).toEqual(['added', 'removed']);
    expect(changes[0]!.sources).toEqual(news('/Denver'));
  });

  it('an unconfirmed new location says so; a label is shown as the card shows it', () => {
    const before = makeProvider({ locations: [] });
    const after = makeProvider({ locations: [loc(null, 'TX', { label: 'Dallas / Plano area', confirmed: false })] });
    expect(texts(diff(before, after))).toEqual(['New location: Dallas / Plano area, TX (not confirmed)']);
  });

  it('confirmed later is new information; no longer confirmed is a change', () => {
    const unconfirmed = makeProvider({ locations: [loc('Denver', 'CO', { confirmed: false })] });
    const confirmed = makeProvider({ locations: [loc('Denver', 'CO')] });
    expect(diff(unconfirmed, confirmed)[0]).toMatchObject({ kind: 'learned', text: 'Location confirmed: Denver, CO' });
    expect(diff(confirmed, unconfirmed)[0]).toMatchObject({ kind: 'changed', text: 'Location no longer confirmed: Denver, CO' });
  });

  it('two locations in one city: one closing is reported once', () => {
    const before = makeProvider({ locations: [loc('Denver', 'CO'), loc('Denver', 'CO', { label: 'Denver Tech Center' })] });
    const after = makeProvider({ locations: [loc('Denver', 'CO')] });
    expect(diff(before, after).map((c) => c.kind)).toEqual(['removed']);
  });
});

describe('insurance, payment and delivery (tri-state and enum fields)', () => {
  const p = makeProvider();
  const cases: [string, Provider, ChangeField, string, 'changed' | 'learned'][] = [
    ['hsaFsa unknown → yes', makeProvider({ financing: { ...p.financing, hsaFsa: 'unknown' } }), 'hsaFsa', 'HSA/FSA: was unknown, now yes', 'learned'],
    ['careCredit no → yes', makeProvider({ financing: { ...p.financing, careCredit: 'no' } }), 'careCredit', 'CareCredit: was no, now yes', 'changed'],
    ['medicare yes → no', makeProvider({ insurance: { ...p.insurance, medicare: 'yes' } }), 'medicare', 'Medicare: was yes, now no', 'changed'],
    ['insurance yes → no', makeProvider({ insurance: { ...p.insurance, accepted: 'yes' } }), 'insurance', 'Insurance: was accepted, now not accepted', 'changed'],
    ['delivery both → in clinic', makeProvider({ delivery: { value: 'both', sources: [] } }), 'delivery', 'Where treatment is given: was in clinic and at home, now in clinic', 'changed'],
  ];
  it.each(cases)('%s', (_name, before, field, text, kind) => {
    const changes = diff(before, p);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ field, text, kind, priority: kind === 'learned' ? PRIORITY.learned : PRIORITY.payment });
  });

  it('medicaid unknown → no is new information, not a change for the worse', () => {
    const before = makeProvider({ insurance: { ...p.insurance, medicaid: 'unknown' } });
    const after = makeProvider({ insurance: { ...p.insurance, medicaid: 'no', sources: news('/medicaid') } });
    expect(diff(before, after)).toEqual([
      { field: 'medicaid', kind: 'learned', old: 'unknown', new: 'no', text: 'Medicaid: was unknown, now no', priority: PRIORITY.learned, sources: news('/medicaid') },
    ]);
  });

  it('known → unknown is reported (the dataset no longer confirms it)', () => {
    const after = makeProvider({ financing: { ...p.financing, hsaFsa: 'unknown' } });
    expect(diff(p, after)[0]).toMatchObject({ kind: 'changed', text: 'HSA/FSA: was yes, now unknown', priority: PRIORITY.payment });
  });

  it('sources: insurance fields from insurance, HSA/FSA and CareCredit from financing, delivery from delivery', () => {
    const before = makeProvider({
      insurance: { ...p.insurance, accepted: 'unknown' },
      financing: { ...p.financing, careCredit: 'unknown' },
      delivery: { value: 'unknown', sources: [] },
    });
    const after = makeProvider({
      insurance: { ...p.insurance, sources: news('/i') },
      financing: { ...p.financing, sources: news('/f') },
      delivery: { value: 'in-clinic', sources: news('/d') },
    });
    const byField = Object.fromEntries(diff(before, after).map((c) => [c.field, c.sources]));
    expect(byField).toEqual({ insurance: news('/i'), careCredit: news('/f'), delivery: news('/d') });
  });
});

describe('ordering', () => {
  it('closure first, then other changes in field order, then new information', () => {
    const before = makeProvider({
      prices: [session(400, 600)],
      locations: [{ city: 'Springfield', state: 'IL', confirmed: true, sources: [] }],
      financing: { ...makeProvider().financing, hsaFsa: 'unknown', careCredit: 'no' },
    });
    const after = makeProvider({
      status: { state: 'acquired', since: '2025-01-15', detail: 'Bought.', sources: news('/deal') },
      prices: [session(450, 650)],
      locations: [
        { city: 'Springfield', state: 'IL', confirmed: true, sources: [] },
        { city: 'Denver', state: 'CO', confirmed: true, sources: [] },
      ],
      financing: { ...makeProvider().financing, hsaFsa: 'yes', careCredit: 'yes' },
    });
    const changes = diff(before, after);
    expect(texts(changes)).toEqual([
      'Acquired: now under new ownership (since 15 Jan 2025)',
      'Price per session was $400–$600, now $450–$650',
      'New location: Denver, CO',
      'CareCredit: was no, now yes',
      'HSA/FSA: was unknown, now yes',
    ]);
    expect(changes.map((c) => c.priority)).toEqual([...changes.map((c) => c.priority)].sort((a, b) => a - b));
  });

  it('a closure learned from unknown still outranks a price change', () => {
    const before = makeProvider({ status: { ...makeProvider().status, state: 'unknown' }, prices: [session(400, 600)] });
    const after = makeProvider({ status: { state: 'closed', since: null, detail: 'x', sources: [] }, prices: [session(500, 600)] });
    expect(texts(diff(before, after))).toEqual(['Now closed', 'Price per session was $400–$600, now $500–$600']);
  });
});
