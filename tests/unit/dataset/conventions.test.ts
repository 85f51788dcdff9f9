// The project testing its own rules for data: what every record must satisfy to be shown to a patient.
import { describe, expect, it } from 'vitest';
import { readGeneralFile, readProviderFiles } from '../../../lib/dataset/read-files';
import type { Provider, Source } from '../../../lib/dataset/schema';
import { checkConventions, formatProblem, parseGeneralFile, parseProviderFiles } from '../../../lib/dataset/validate';
import { createMatcher } from '../../../lib/match';
import { closedProvider, makeProvider } from '../../fixtures/providers';

const { providers, problems } = parseProviderFiles(readProviderFiles());
const general = parseGeneralFile(readGeneralFile());

function* allSources(value: unknown): Generator<Source> {
  if (Array.isArray(value)) for (const v of value) yield* allSources(v);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.url === 'string' && 'date' in o) yield o as unknown as Source;
    for (const v of Object.values(o)) yield* allSources(v);
  }
}

describe('the bundled dataset', () => {
  it('every record passes the schema', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(providers.length).toBeGreaterThanOrEqual(100);
  });

  it('general figures pass their schema', () => {
    expect(general.problems.map(formatProblem)).toEqual([]);
  });

  it('follows the conventions: sourced facts, dated closures, no hostname claimed twice', () => {
    expect(checkConventions(providers).map(formatProblem)).toEqual([]);
  });

  it('has the six providers of the first slice, with the statuses the research gives', () => {
    const byId = new Map(providers.map((p) => [p.id, p]));
    for (const id of ['ketamine-wellness-centers', 'field-trip-health', 'mindbloom', 'klarisana', 'ketamine-clinics-los-angeles', 'spravato']) {
      expect(byId.has(id), id).toBe(true);
    }
    expect(byId.get('ketamine-wellness-centers')!.status).toMatchObject({ state: 'closed', since: '2023-03-10' });
  });

  it('every link is http(s) only', () => {
    for (const p of providers) for (const s of allSources(p)) expect(s.url, p.id).toMatch(/^https?:\/\//);
  });

  it('every closed provider has a date and a source; every price a source', () => {
    for (const p of providers) {
      if (p.status.state === 'closed') {
        expect(p.status.since, p.id).toBeTruthy();
        expect(p.status.sources.length, p.id).toBeGreaterThan(0);
      }
      for (const price of p.prices) expect(price.sources.length, p.id).toBeGreaterThan(0);
    }
  });

  it('every official hostname matches its own provider, and every look-alike and mirror does not', () => {
    const matcher = createMatcher(providers);
    for (const p of providers) {
      for (const host of [...p.match.domains, ...p.match.hosts]) {
        expect(matcher.match(`https://${host}/`), host).toMatchObject({ kind: 'provider', providerId: p.id });
      }
      for (const rule of p.match.paths) {
        expect(matcher.match(`https://${rule.host}${rule.prefix}`), rule.host + rule.prefix).toMatchObject({ kind: 'provider', providerId: p.id });
      }
      for (const l of p.lookalikes) {
        expect(matcher.match(`https://${l.host}/`), l.host).toMatchObject({ kind: 'lookalike', providerId: p.id });
      }
      for (const m of p.match.mirrors) expect(matcher.match(`https://${m}/`).kind, m).toBe('none');
    }
  });

  it('lastReviewed is a real date no later than today', () => {
    for (const p of providers) expect(Date.parse(p.lastReviewed), p.id).toBeLessThanOrEqual(Date.now());
  });
});

describe('the convention checks themselves', () => {
  const check = (...ps: Provider[]) => checkConventions(ps).map(formatProblem);

  it('reject a closed provider without a date', () => {
    const p = closedProvider();
    p.status.since = null;
    expect(check(p)).toContain('example-closed: status.since: a closed provider needs the closure date');
  });

  it('reject a stated fact without a source', () => {
    const p = makeProvider();
    p.financing.sources = [];
    expect(check(p).join()).toMatch(/financing\.sources/);
  });

  it('reject a hostname claimed by two providers, including via a parent domain', () => {
    const a = makeProvider();
    const b = makeProvider({ id: 'other', match: { domains: [], hosts: ['www.example-clinic.com'], paths: [], mirrors: [] } });
    expect(check(a, b).join()).toMatch(/also claimed by example-clinic/);
  });

  it('reject a look-alike that is official for someone', () => {
    const a = makeProvider();
    const b = makeProvider({
      id: 'other',
      match: { domains: ['other.com'], hosts: [], paths: [], mirrors: [] },
      lookalikes: [{ host: 'example-clinic.com', name: null, reason: 'x', sources: [{ url: 'https://other.com', date: null }] }],
    });
    expect(check(a, b).join()).toMatch(/is official for example-clinic/);
  });

  it('reject low above high and a package without its session count', () => {
    const p = makeProvider();
    p.prices = [
      { kind: 'session', label: 'x', low: 900, high: 400, asOf: null, publishedBy: 'provider', sources: [{ url: 'https://example-clinic.com', date: null }] },
      { kind: 'package', label: 'y', low: 1000, high: 1000, asOf: null, publishedBy: 'provider', sources: [{ url: 'https://example-clinic.com', date: null }] },
    ];
    const out = check(p).join('\n');
    expect(out).toMatch(/prices\.0: low is above high/);
    expect(out).toMatch(/prices\.1\.sessions/);
  });

  it('name the record and the field when the schema fails', () => {
    const { problems: ps } = parseProviderFiles([{ file: 'broken.json', data: { ...makeProvider(), id: 'broken', sources: [{ url: 'javascript:alert(1)', date: null }] } }]);
    expect(ps.map(formatProblem)).toContain('broken.json: sources.0.url: expected an http(s) URL');
  });
});
