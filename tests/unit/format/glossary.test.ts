import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossarySegments, glossaryTermsIn } from '../../../lib/format/glossary';

const ids = (text: string) => glossaryTermsIn(text).map((g) => g.id);

describe('glossary', () => {
  it('explains every term the issue names, in short neutral sentences', () => {
    for (const id of ['marginal-tax-rate', 'superbill', 'rems', 'cpt', 'bls-acls', '503a', 'im', 'kap']) {
      expect(GLOSSARY.some((g) => g.id === id), id).toBe(true);
    }
    for (const g of GLOSSARY) {
      expect(g.text.length, g.id).toBeLessThan(260);
      expect(g.text, g.id).not.toMatch(/\b(best|safe|effective|recommend|should)\b/i);
    }
    expect(new Set(GLOSSARY.map((g) => g.id)).size).toBe(GLOSSARY.length);
  });

  it('finds terms as words, acronyms case-sensitively, and keeps the text whole', () => {
    const text = 'IM injection or KAP; a superbill with CPT codes (CPT 99204); BLS/ACLS staff; REMS-certified; 503A pharmacy.';
    expect(ids(text)).toEqual(['im', 'kap', 'superbill', 'cpt', 'bls-acls', 'rems', '503a']);
    expect(glossarySegments(text).map((s) => s.text).join('')).toBe(text);
    // Not inside words, and not "im" in lower case.
    expect(ids('Imagine him in a simple time; KAPPA; premise')).toEqual([]);
    // CPT as cognitive processing therapy is not a billing code.
    expect(ids('sand-tray therapy, mindfulness, CPT and others')).toEqual([]);
  });

  it('marks each term once, the longest at a place, and skips terms already explained', () => {
    const segs = glossarySegments('BLS/ACLS and BLS again');
    expect(segs.filter((s) => s.term).map((s) => s.text)).toEqual(['BLS/ACLS']);
    expect(glossarySegments('REMS', new Set(['rems']))).toEqual([{ text: 'REMS' }]);
    expect(glossarySegments('')).toEqual([{ text: '' }]);
  });
});
