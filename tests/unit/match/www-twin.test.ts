// @vitest-environment node
// A path rule for host H also holds on its www. twin (www.H, or H for a rule on www.H) when nothing else
// claims the twin: exact-host claims, the twin's own rules, domains, look-alikes and mirrors all win.
import { describe, expect, it } from 'vitest';
import { readProviderFiles } from '../../../lib/dataset/read-files';
import { parseProviderFiles } from '../../../lib/dataset/validate';
import { createMatcher, type MatchEntry, type MatchResult } from '../../../lib/match';

const entry = (id: string, m: Partial<MatchEntry['match']>, lookalikes: string[] = []): MatchEntry => ({
  id,
  match: { domains: [], hosts: [], paths: [], mirrors: [], ...m },
  lookalikes: lookalikes.map((host) => ({ host })),
});
const path = (host: string, prefix: string) => ({ host, prefix });

const fixture: MatchEntry[] = [
  // The case from the issue: a rule written for the bare host.
  entry('musc', { paths: [path('muschealth.org', '/medical-services/psychiatry/centerspace')] }),
  // A rule written for www.: the bare host is only a pass-through suffix of the rule host.
  entry('umich', { paths: [path('www.medicine.umich.edu', '/dept/psychiatry/ketamine-clinic')] }),
  // Longest prefix on the twin too.
  entry('short', { paths: [path('hospital.org', '/psychiatry')] }),
  entry('long', { paths: [path('hospital.org', '/psychiatry/ketamine')] }),
  // Exact-host claims win over the twin.
  entry('twin-owner', { hosts: ['www.exacttwin.org'] }),
  entry('on-exacttwin', { paths: [path('exacttwin.org', '/k')] }),
  // A domain covering the twin wins (it covers the rule's own host too, where the path rule still wins).
  entry('dom', { domains: ['domtwin.org'] }),
  entry('on-domtwin', { paths: [path('domtwin.org', '/k')] }),
  // The twin has path rules of its own: each host keeps its own.
  entry('a', { paths: [path('both.org', '/a')] }),
  entry('b', { paths: [path('www.both.org', '/b')] }),
  // A look-alike on the twin, or covering it from above.
  entry('warns', {}, ['www.lookedalike.org', 'coveredtwin.org']),
  entry('on-lookedalike', { paths: [path('lookedalike.org', '/k')] }),
  entry('on-coveredtwin', { paths: [path('coveredtwin.org', '/k')] }),
  // A mirror twin is never matched.
  entry('mirrors', { domains: ['mirror-owner.org'], mirrors: ['www.mirrored.org'] }),
  entry('on-mirrored', { paths: [path('mirrored.org', '/k')] }),
  // A mirror above the twin (mirrors cover their subdomains).
  entry('mirror-above', { domains: ['mo.org'], mirrors: ['mirrorabove.org'] }),
  entry('on-mirrorabove', { paths: [path('mirrorabove.org', '/k')] }),
  // An exact host on the rule's own host: its paths never apply there, so not on the twin either.
  entry('exact-rule-host', { hosts: ['exactrule.org'] }),
  entry('on-exactrule', { paths: [path('exactrule.org', '/k')] }),
  // The twin is a pass-through suffix of another rule host (no rule names it): the twin still holds.
  entry('deeper', { hosts: ['book.www.passthru.org'] }),
  entry('on-passthru', { paths: [path('passthru.org', '/k')] }),
];

const matcher = createMatcher(fixture);

type Case = [url: string, kind: MatchResult['kind'], providerId?: string];

describe('path rules also hold on the www. twin of their host', () => {
  it.each<Case>([
    // rule on H: H and www.H
    ['https://muschealth.org/medical-services/psychiatry/centerspace', 'provider', 'musc'],
    ['https://www.muschealth.org/medical-services/psychiatry/centerspace', 'provider', 'musc'],
    ['https://WWW.MUSCHEALTH.ORG./medical-services/psychiatry/centerspace/x?y#z', 'provider', 'musc'],
    ['https://www.muschealth.org/medical-services/psychiatry/centerspac%65', 'provider', 'musc'],
    // rule on www.H: www.H and H
    ['https://www.medicine.umich.edu/dept/psychiatry/ketamine-clinic', 'provider', 'umich'],
    ['https://medicine.umich.edu/dept/psychiatry/ketamine-clinic/', 'provider', 'umich'],
    // longest prefix on the twin
    ['https://www.hospital.org/psychiatry', 'provider', 'short'],
    ['https://www.hospital.org/psychiatry/ketamine/faq', 'provider', 'long'],
    // the same path rules as on the host: segment boundary, case, encoded separators, other paths
    ['https://www.muschealth.org/medical-services/psychiatry/centerspacex', 'none'],
    ['https://www.muschealth.org/Medical-Services/psychiatry/centerspace', 'none'],
    ['https://www.muschealth.org/medical-services/psychiatry/centerspace/..%2Fevil', 'none'],
    ['https://www.muschealth.org/', 'none'],
    ['https://www.muschealth.org/other', 'none'],
    // only the www. twin: no other subdomain, no double www., no look-alike spellings
    ['https://www.www.muschealth.org/medical-services/psychiatry/centerspace', 'none'],
    ['https://shop.muschealth.org/medical-services/psychiatry/centerspace', 'none'],
    ['https://ww.muschealth.org/medical-services/psychiatry/centerspace', 'none'],
    ['https://wwwmuschealth.org/medical-services/psychiatry/centerspace', 'none'],
    ['https://www.muschealth.org.evil.net/medical-services/psychiatry/centerspace', 'none'],
    ['https://www.medicine.umich.edu.evil.net/dept/psychiatry/ketamine-clinic', 'none'],
    ['https://www.www.medicine.umich.edu/dept/psychiatry/ketamine-clinic', 'none'],
    ['https://umich.edu/dept/psychiatry/ketamine-clinic', 'none'],
    // an exact-host claim on the twin wins
    ['https://exacttwin.org/k', 'provider', 'on-exacttwin'],
    ['https://www.exacttwin.org/k', 'provider', 'twin-owner'],
    // a domain covering the twin wins
    ['https://domtwin.org/k', 'provider', 'on-domtwin'],
    ['https://www.domtwin.org/k', 'provider', 'dom'],
    // the twin's own path rules: each host keeps its own
    ['https://both.org/a', 'provider', 'a'],
    ['https://www.both.org/b', 'provider', 'b'],
    ['https://www.both.org/a', 'none'],
    ['https://both.org/b', 'none'],
    // look-alikes on or above the twin win
    ['https://lookedalike.org/k', 'provider', 'on-lookedalike'],
    ['https://www.lookedalike.org/k', 'lookalike', 'warns'],
    ['https://coveredtwin.org/k', 'provider', 'on-coveredtwin'],
    ['https://www.coveredtwin.org/k', 'lookalike', 'warns'],
    // a mirror twin is never matched
    ['https://mirrored.org/k', 'provider', 'on-mirrored'],
    ['https://www.mirrored.org/k', 'none'],
    ['https://www.mirrorabove.org/k', 'none'],
    // an exact host on the rule's own host: its path rules apply nowhere
    ['https://exactrule.org/k', 'provider', 'exact-rule-host'],
    ['https://www.exactrule.org/k', 'none'],
    // the twin is only a pass-through suffix of another rule host
    ['https://www.passthru.org/k', 'provider', 'on-passthru'],
    ['https://book.www.passthru.org/k', 'provider', 'deeper'],
  ])('%s → %s %s', (url, kind, providerId) => {
    const r = matcher.match(url);
    expect(r.kind).toBe(kind);
    if (r.kind !== 'none') expect(r.providerId).toBe(providerId);
  });

  it('reports the rule as written and the host visited', () => {
    expect(matcher.match('https://www.muschealth.org/medical-services/psychiatry/centerspace/team')).toEqual({
      kind: 'provider',
      providerId: 'musc',
      host: 'www.muschealth.org',
      rule: { kind: 'path', value: 'muschealth.org/medical-services/psychiatry/centerspace' },
    });
    expect(matcher.match('https://medicine.umich.edu/dept/psychiatry/ketamine-clinic')).toEqual({
      kind: 'provider',
      providerId: 'umich',
      host: 'medicine.umich.edu',
      rule: { kind: 'path', value: 'www.medicine.umich.edu/dept/psychiatry/ketamine-clinic' },
    });
  });

  it('does not depend on the order of the entries', () => {
    const reversed = createMatcher([...fixture].reverse());
    for (const url of [
      'https://www.muschealth.org/medical-services/psychiatry/centerspace',
      'https://medicine.umich.edu/dept/psychiatry/ketamine-clinic',
      'https://www.exacttwin.org/k',
      'https://www.domtwin.org/k',
      'https://www.both.org/a',
      'https://www.lookedalike.org/k',
      'https://www.mirrored.org/k',
      'https://www.exactrule.org/k',
    ]) {
      expect(reversed.match(url), url).toEqual(matcher.match(url));
    }
  });
});

describe('the bundled dataset', () => {
  const { providers } = parseProviderFiles(readProviderFiles());
  const all = createMatcher(providers);
  const named = new Set(
    providers.flatMap((p) => [...p.match.domains, ...p.match.hosts, ...p.match.paths.map((r) => r.host), ...p.match.mirrors, ...p.lookalikes.map((l) => l.host)]),
  );
  const twin = (host: string) => (host.startsWith('www.') ? host.slice(4) : `www.${host}`);

  it('every path rule also holds on its www. twin unless a record names the twin', () => {
    const rules = providers.flatMap((p) => p.match.paths.map((r) => ({ id: p.id, ...r })));
    expect(rules.length).toBeGreaterThan(5);
    let twins = 0;
    for (const r of rules) {
      if (named.has(twin(r.host))) continue;
      twins++;
      expect(all.match(`https://${twin(r.host)}${r.prefix}`), `${twin(r.host)}${r.prefix}`).toMatchObject({ kind: 'provider', providerId: r.id, rule: { kind: 'path' } });
    }
    expect(twins).toBeGreaterThan(0);
    // The case from the issue.
    expect(all.match('https://www.muschealth.org/medical-services/psychiatry/centerspace-psychotherapy')).toMatchObject({
      kind: 'provider',
      providerId: 'musc-health-centerspace',
    });
  });
});
