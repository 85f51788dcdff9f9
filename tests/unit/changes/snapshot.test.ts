import { describe, expect, it } from 'vitest';
import { readProviderFiles } from '../../../lib/dataset/read-files';
import { parseProviderFiles } from '../../../lib/dataset/validate';
import { snapshotOf } from '../../../lib/changes/snapshot';
import { DecisionSnapshot } from '../../../lib/changes/schema';

const providers = parseProviderFiles(readProviderFiles()).providers;
import { makeProvider } from '../../fixtures/providers';

describe('snapshotOf', () => {
  it('keeps the decision facts and nothing else', () => {
    const p = makeProvider({ locations: [{ city: null, state: 'TX', label: 'Dallas area', confirmed: false, sources: [] }] });
    expect(snapshotOf(p)).toEqual({
      status: { state: 'operating', since: null },
      prices: [
        { kind: 'consultation', label: 'Initial consultation', low: 250, high: 250, sessions: null, asOf: '2024-05-01' },
        { kind: 'session', label: 'IV infusion, 1 hour', low: 450, high: 550, sessions: null, asOf: null },
      ],
      locations: [{ city: null, state: 'TX', label: 'Dallas area', confirmed: false }],
      insurance: { accepted: 'no', medicare: 'no', medicaid: 'unknown' },
      hsaFsa: 'yes',
      careCredit: 'yes',
      delivery: 'in-clinic',
    });
  });

  it('every record of the real dataset gives a valid, JSON-stable snapshot', () => {
    expect(providers.length).toBeGreaterThan(50);
    for (const p of providers) {
      const snap = snapshotOf(p);
      expect(DecisionSnapshot.parse(snap)).toEqual(snap);
      expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    }
  });
});
