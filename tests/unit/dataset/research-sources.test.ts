// Every source URL in the data must come from the research notes (../shared/research beside the
// project, as on the team's machines and in CI): a guard against invented sources. Home pages of
// look-alikes that the research names without a page are allowed only when marked uncertain.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readGeneralFile, readProviderFiles } from '../../../lib/dataset/read-files';

const RESEARCH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'research');
const hasResearch = existsSync(join(RESEARCH, 'providers.md'));

function* sources(value: unknown): Generator<{ url: string; uncertain?: boolean }> {
  if (Array.isArray(value)) for (const v of value) yield* sources(v);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.url === 'string' && 'date' in o) yield o as { url: string; uncertain?: boolean };
    for (const v of Object.values(o)) yield* sources(v);
  }
}

describe.runIf(hasResearch)('sources come from the research', () => {
  it('every source URL appears in ../shared/research (or is an uncertain look-alike home page)', () => {
    // Every research note (providers.md, clinics.md, clinics-2.md, clinics-3.md and their .tsv tables).
    const files = readdirSync(RESEARCH).filter((f) => /\.(md|tsv)$/.test(f)).sort();
    const text = files.map((f) => readFileSync(join(RESEARCH, f), 'utf8')).join('\n').toLowerCase();
    const known = (url: string) => {
      const u = url.toLowerCase().replace(/\/$/, '');
      return [u, u.replace(/^https:/, 'http:'), u.replace(/^http:/, 'https:')].some((v) => text.includes(v));
    };
    const unknown: string[] = [];
    for (const { file, data } of [...readProviderFiles(), readGeneralFile()]) {
      for (const s of sources(data)) {
        const homePage = new URL(s.url).pathname === '/' && s.uncertain === true;
        if (!known(s.url) && !(homePage && text.includes(new URL(s.url).hostname))) unknown.push(`${file}: ${s.url}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
