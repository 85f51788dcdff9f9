import { describe, expect, it } from 'vitest';
import { readProviderFiles } from '../../../lib/dataset/read-files';
import { parseProviderFiles } from '../../../lib/dataset/validate';
import { createMatcher } from '../../../lib/match';
import { packSlim, unpackSlim } from '../../../lib/match/slim';
import { matchEntries } from '../../../data/match-entries';

const { providers } = parseProviderFiles(readProviderFiles());

describe('slim match entries', () => {
  it('round-trip every real record to exactly its rules, name and status', () => {
    for (const p of providers) {
      expect(unpackSlim(JSON.parse(JSON.stringify(packSlim(p))))).toEqual({
        id: p.id,
        name: p.name,
        state: p.status.state,
        match: p.match,
        lookalikes: p.lookalikes.map((l) => ({ host: l.host })),
      });
    }
  });

  it('are what the background bundles, and match like the full records', () => {
    expect(matchEntries.map((e) => e.id).sort()).toEqual(providers.map((p) => p.id).sort());
    const slim = createMatcher(matchEntries);
    const full = createMatcher(providers);
    for (const p of providers) {
      for (const host of [...p.match.domains, ...p.match.hosts, ...p.lookalikes.map((l) => l.host)]) {
        expect(slim.match(`https://${host}/x`)).toEqual(full.match(`https://${host}/x`));
      }
    }
  });

  it('leave empty parts off', () => {
    const p = providers.find((x) => !x.match.hosts.length && !x.match.paths.length && !x.match.mirrors.length && !x.lookalikes.length)!;
    expect(packSlim(p)).toHaveLength(4);
  });
});
