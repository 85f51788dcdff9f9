/**
 * Plain-language explanations of the jargon the provider card shows (the card offers each one behind a
 * tap: components/provider-card/Glossed.tsx). Neutral wording: what a word means, not whether it is good.
 * Pure: `glossarySegments` splits a text into plain runs and glossary terms.
 */

export interface GlossaryEntry {
  id: string;
  /** The term as a heading, e.g. "REMS". */
  term: string;
  /** One or two short sentences. */
  text: string;
  /**
   * Where the term occurs in a text. Global and sticky flags are added when used; acronyms match
   * case-sensitively, words case-insensitively (`i` flag).
   */
  pattern: RegExp;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'marginal-tax-rate',
    term: 'Marginal tax rate',
    text: 'The share of your last dollars of income that goes in income tax (your tax bracket, plus any state income tax). Money paid from an HSA or FSA is not taxed, so paying with it saves about this share.',
    pattern: /marginal tax rate/i,
  },
  {
    id: 'superbill',
    term: 'Superbill',
    text: 'An itemised receipt with the medical codes for each service, which you send to your insurer yourself to ask for money back when the clinic does not bill the insurer.',
    pattern: /\bsuperbills?\b/i,
  },
  {
    id: 'rems',
    term: 'REMS',
    text: 'Risk Evaluation and Mitigation Strategy: a safety programme the FDA requires for some medicines. For Spravato it means the spray is taken only in a certified clinic, under observation, and never at home.',
    pattern: /\bREMS\b/,
  },
  {
    id: 'cpt',
    term: 'CPT code',
    text: 'Current Procedural Terminology: five-digit codes that describe a billed service, used on claims and superbills. 99204 and 99214 are office visits (a new patient and a returning patient).',
    pattern: /\bCPT(?= codes?\b| \d{5}\b)/,
  },
  {
    id: 'bls-acls',
    term: 'BLS / ACLS',
    text: 'Basic Life Support (CPR and first response) and Advanced Cardiovascular Life Support (handling heart and breathing emergencies, including drugs and monitoring): certifications for staff who watch patients during treatment.',
    pattern: /\bBLS\/ACLS\b|\bACLS\b|\bBLS\b/,
  },
  {
    id: '503a',
    term: '503A',
    text: 'A section of US federal law for pharmacies that compound (make up) a medicine for one named patient’s prescription. Compounded medicines are not FDA-approved products.',
    pattern: /\b503A\b/,
  },
  {
    id: 'im',
    term: 'IM',
    text: 'Intramuscular: an injection into a muscle, usually the upper arm or thigh.',
    pattern: /\bIM\b/,
  },
  {
    id: 'kap',
    term: 'KAP',
    text: 'Ketamine-assisted psychotherapy: ketamine given together with sessions with a therapist, before, during or after the dose.',
    pattern: /\bKAP\b|\bketamine-assisted psychotherapy\b/i,
  },
  {
    id: 'esketamine',
    term: 'Esketamine',
    text: 'One of the two mirror-image forms of the ketamine molecule. Spravato is esketamine as an FDA-approved nasal spray.',
    pattern: /\besketamine\b/i,
  },
  {
    id: 'sublingual',
    term: 'Sublingual',
    text: 'Held under the tongue to dissolve, for example a tablet or lozenge (troche).',
    pattern: /\bsublingual\b/i,
  },
  {
    id: 'troche',
    term: 'Troche',
    text: 'A lozenge that dissolves slowly in the mouth.',
    pattern: /\btroches?\b/i,
  },
  {
    id: 'subcutaneous',
    term: 'Subcutaneous',
    text: 'An injection just under the skin.',
    pattern: /\bsubcutaneous\b/i,
  },
  {
    id: 'compounded',
    term: 'Compounded',
    text: 'Made up by a pharmacy for one prescription, rather than a factory-made, FDA-approved product.',
    pattern: /\bcompounded\b/i,
  },
  {
    id: 'off-label',
    term: 'Off-label',
    text: 'Prescribed for a use the FDA has not approved for that medicine. Doctors may legally prescribe this way.',
    pattern: /\boff-label\b/i,
  },
  {
    id: 'hsa-fsa',
    term: 'HSA / FSA',
    text: 'Health savings account / flexible spending account: accounts of pre-tax money for medical costs. Your plan decides which costs count.',
    pattern: /\bHSA ?\/ ?FSA\b/,
  },
  {
    id: 'carecredit',
    term: 'CareCredit',
    text: 'A credit card for health costs. Its promotional plans can charge all the interest from the start if the balance is not paid in full in time (deferred interest).',
    pattern: /\bCareCredit\b/,
  },
  {
    id: 'out-of-network',
    term: 'Out-of-network',
    text: 'The clinic has no contract with your insurer. Your plan may pay back part of the cost after you claim, or nothing.',
    pattern: /\bout-of-network\b/i,
  },
  {
    id: 'prior-authorisation',
    term: 'Prior authorisation',
    text: 'Approval your insurer gives before a treatment; without it the insurer may not pay.',
    pattern: /\bprior authori[sz]ation\b/i,
  },
  {
    id: 'crna',
    term: 'CRNA',
    text: 'Certified Registered Nurse Anesthetist: a nurse with advanced training in anaesthesia.',
    pattern: /\bCRNAs?\b/,
  },
  {
    id: 'pmhnp',
    term: 'PMHNP',
    text: 'Psychiatric-mental health nurse practitioner: an advanced-practice nurse who diagnoses and treats mental health conditions and can prescribe in most states.',
    pattern: /\bPMHNPs?\b/,
  },
  {
    id: 'aprn',
    term: 'APRN',
    text: 'Advanced practice registered nurse, such as a nurse practitioner or nurse anesthetist.',
    pattern: /\bAPRNs?\b/,
  },
  {
    id: 'lcsw',
    term: 'LCSW',
    text: 'Licensed clinical social worker: a licensed therapist with a master’s degree in social work.',
    pattern: /\bLCSWs?\b/,
  },
  {
    id: 'lmft',
    term: 'LMFT',
    text: 'Licensed marriage and family therapist.',
    pattern: /\bLMFTs?\b/,
  },
  {
    id: 'tms',
    term: 'TMS',
    text: 'Transcranial magnetic stimulation: a non-drug depression treatment that applies magnetic pulses to the head.',
    pattern: /\bTMS\b/,
  },
  {
    id: 'ect',
    term: 'ECT',
    text: 'Electroconvulsive therapy: a treatment given under general anaesthesia that uses a brief electrical current.',
    pattern: /\bECT\b/,
  },
  {
    id: 'trd',
    term: 'TRD',
    text: 'Treatment-resistant depression: depression that has not improved enough after at least two antidepressants.',
    pattern: /\bTRD\b/,
  },
  {
    id: 'phq-9',
    term: 'PHQ-9',
    text: 'A nine-question depression questionnaire many clinics use to measure symptoms over time.',
    pattern: /\bPHQ-9\b/,
  },
];

export const GLOSSARY_BY_ID: ReadonlyMap<string, GlossaryEntry> = new Map(GLOSSARY.map((g) => [g.id, g]));

export type GlossarySegment = { text: string; term?: undefined } | { text: string; term: GlossaryEntry };

/**
 * `text` split into plain runs and glossary terms, in order; joining every segment's text gives `text` back.
 * Each entry is marked once (its first occurrence), and only entries not in `skip` (e.g. already explained
 * nearby) are marked.
 */
export function glossarySegments(text: string, skip: ReadonlySet<string> = new Set()): GlossarySegment[] {
  const hits: Array<{ start: number; end: number; term: GlossaryEntry }> = [];
  for (const g of GLOSSARY) {
    if (skip.has(g.id)) continue;
    const flags = g.pattern.flags.includes('i') ? 'i' : '';
    const m = new RegExp(g.pattern.source, flags).exec(text);
    if (m) hits.push({ start: m.index, end: m.index + m[0].length, term: g });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: GlossarySegment[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start < at) continue; // overlaps an earlier, longer term
    if (h.start > at) out.push({ text: text.slice(at, h.start) });
    out.push({ text: text.slice(h.start, h.end), term: h.term });
    at = h.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at) });
  return out;
}

/** The glossary entries a text mentions, in order of first mention. */
export function glossaryTermsIn(text: string): GlossaryEntry[] {
  return glossarySegments(text).flatMap((s) => (s.term ? [s.term] : []));
}
