import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toMarkdown } from '../../../lib/export/markdown';
import { escapeBlock, escapeInline, mdLink } from '../../../lib/export/markdown-escape';
import { DISCLAIMER } from '../../../lib/export/facts';
import { CUSTOM_ITEM_FIELDS, exportInput, makeItem, makeList } from './fixtures';
import { text } from './arbitraries';

const SPECIAL = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~']);

/** Characters that Markdown would act on: a special not preceded by an escaping backslash. */
function unescapedSpecials(s: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      i++; // escapes the next character
      continue;
    }
    if (SPECIAL.has(c)) found.push(c);
  }
  return found;
}

/** A line that would start a block (heading, list, quote, setext underline, code fence) after its indent. */
const BLOCK_START = /^[ \u00A0]*(#|>|[-+*=]|\d{1,9}[.)]|```|~~~)/;

const HOSTILE = [
  '# Heading',
  '## Sub',
  '[click me](javascript:alert(1))',
  '![img](https://evil.example/x.png)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<https://evil.example>',
  '[ref]: https://evil.example',
  '**bold** __bold__ *it* _it_ ~~strike~~',
  '`code` ```fence',
  '~~~',
  '| a | b |',
  '---',
  '===',
  '    indented code',
  '\tTabbed',
  '1. ordered',
  '2) ordered',
  '- bullet',
  '+ bullet',
  '* bullet',
  '> quote',
  '&lt;b&gt; &#x3C; &copy;',
  'trailing hashes ##',
  'back\\slash\\',
  'hard break  ',
].join('\n');

describe('Markdown escaping', () => {
  it('leaves nothing in a hostile note that Markdown would act on', () => {
    const out = escapeBlock(HOSTILE, '  ');
    const lines = out.split('\n');
    expect(lines).toHaveLength(HOSTILE.split('\n').length);
    for (const line of lines) {
      expect(line.startsWith('  ')).toBe(true);
      expect(line.slice(2)).not.toMatch(BLOCK_START);
      expect(unescapedSpecials(line)).toEqual([]);
      expect(line).not.toMatch(/(^|[^\\])&(#?[A-Za-z0-9]+);/);
    }
    expect(out).toContain('\\[click me\\](javascript:alert(1))');
    expect(out).toContain('\\<script\\>');
    expect(out).toContain('\u00A0\u00A0\u00A0\u00A0indented code');
    expect(out).toContain('trailing hashes \\#\\#');
  });

  it('keeps any note readable and on its lines (property)', () => {
    fc.assert(
      fc.property(text(300), (note) => {
        const out = escapeBlock(note, '  ');
        if (out === '') return;
        for (const line of out.split('\n')) {
          if (line.trim() === '') continue;
          expect(line.startsWith('  ')).toBe(true);
          expect(line.slice(2)).not.toMatch(BLOCK_START);
          expect(unescapedSpecials(line.replace(/ {2}$/, ''))).toEqual([]);
        }
        // Removing the escapes gives back the text (control characters dropped, spacing normalised).
        const shown = out
          .split('\n')
          .map((l) => l.replace(/ {2}$/, '').replace(/^ {2}/, '').replace(/\\([\s\S])/g, '$1').replace(/\u00A0/g, ' '))
          .join('\n');
        const typed = note
          .replace(/\r\n?|[\u2028\u2029]/g, '\n')
          .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
          .trimEnd()
          .split('\n')
          .map((l) => l.replace(/^[ \t\u00A0]+/, (lead) => lead.replace(/\t/g, '    ')).replace(/\t/g, ' ').trimEnd().replace(/\u00A0/g, ' '))
          .join('\n');
        expect(shown).toBe(typed);
      }),
      { numRuns: 300 },
    );
  });

  it('stays linear on pathological whitespace (no regex backtracking)', () => {
    const nasty = [' '.repeat(100_000) + 'x', 'a' + ' \t'.repeat(50_000) + 'x', '\n'.repeat(50_000) + ' '.repeat(50_000) + '#', '&a'.repeat(50_000)];
    for (const n of nasty) {
      expect(escapeBlock(n, '  ').length).toBeGreaterThan(0);
      expect(escapeInline(n).length).toBeGreaterThan(0);
    }
  }, 10_000); // quadratic backtracking on these inputs would take minutes: the guard fails it, no timing asserted

  it('makes inline text a single safe line', () => {
    fc.assert(
      fc.property(text(200), (s) => {
        const out = escapeInline(s);
        expect(out).not.toMatch(/[\r\n]/);
        expect(out).not.toMatch(BLOCK_START);
        expect(unescapedSpecials(out)).toEqual([]);
      }),
    );
    expect(escapeInline('# Title\n## more #')).toBe('\\# Title ## more \\#');
  });

  it('links only http(s) URLs and keeps the destination from breaking out', () => {
    expect(mdLink('x', 'javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(mdLink('a]b', 'https://e.example/a)(b <c>')).toBe('https://e.example/a)(b \\<c\\>');
    expect(mdLink('a]b', 'https://e.example/a)(b')).toBe('[a\\]b](https://e.example/a%29%28b)');
  });
});

describe('toMarkdown', () => {
  const shortlists = [makeList({ id: 'l1', name: '# Denver [options](https://evil.example)' }), makeList({ id: 'l2', name: 'Empty' })];
  const items = [
    makeItem({ id: 'b', shortlistId: 'l1', position: 1, status: 'consultation-booked', notes: HOSTILE, quote: { consultation: 200, perSession: null, note: '<b>cash</b>' }, answers: { 'who-monitors': { done: true, text: 'A *nurse*\nthe whole time' }, 'total-cost': { done: false, text: '' } } }),
    makeItem({ id: 'a', shortlistId: 'l1', position: 0, providerId: 'closedco', snapshot: { name: 'Closed Co', website: null } }),
    makeItem({ id: 'c', shortlistId: 'l1', position: 2, ...CUSTOM_ITEM_FIELDS, custom: { ...CUSTOM_ITEM_FIELDS.custom!, name: '<b>Evil</b> _clinic_' } }),
    makeItem({ id: 'd', shortlistId: 'l1', position: 3, providerId: 'left-the-dataset', snapshot: { name: 'Gone Clinic', website: 'https://gone.example/' } }),
  ];
  const md = toMarkdown(
    exportInput({
      shortlists,
      items,
      itemExtras: (i) => (i.id === 'b' ? { costEstimate: '$2,400–$3,000 for 6 sessions' } : undefined),
      comparison: (l) => (l.id === 'l1' ? { columns: ['Closed Co', 'Mind|bloom'], rows: [{ label: 'Per session', cells: ['$400', '$450\nor less'] }] } : undefined),
    }),
  );

  it('starts with the date and the disclaimer', () => {
    expect(md.startsWith('# Clinic Scout shortlist — 2026-05-01\n\n> ' + DISCLAIMER + '\n')).toBe(true);
  });

  it('has only the headings it writes', () => {
    expect(md.split('\n').filter((l) => /^ {0,3}#/.test(l))).toEqual([
      '# Clinic Scout shortlist — 2026-05-01',
      '## \\# Denver \\[options\\](https://evil.example)',
      '### Closed Co',
      '### Mindbloom',
      '### \\<b\\>Evil\\</b\\> \\_clinic\\_',
      '### Gone Clinic',
      '## Empty',
    ]);
  });

  it('puts the status first for a clinic that is not operating', () => {
    const closed = md.slice(md.indexOf('### Closed Co'));
    expect(closed.split('\n')[2]).toBe('- **Closed since 2023-03-10.** The company shut down all clinics.');
  });

  it("shows facts, the cost estimate line, the user's status, quote, notes, answers and sources as links", () => {
    const section = md.slice(md.indexOf('### Mindbloom'), md.indexOf('### \\<b'));
    expect(section).toContain('- Website: [mindbloom.example.com](https://mindbloom.example.com/)\n');
    expect(section).toContain('- Locations: Denver, CO; Austin, TX (location not confirmed)\n');
    expect(section).toContain('- Per session (estimate — confirm with the clinic): IV infusion: $400–$500; IM injection: $300 (third-party figure)\n');
    expect(section).toContain('- Cost estimate: $2,400–$3,000 for 6 sessions (estimate — confirm with the clinic)\n');
    expect(section).toContain('- Your status: Consultation booked\n');
    expect(section).toContain('- Quoted: consultation $200 — \\<b\\>cash\\</b\\>\n');
    expect(section).toContain('- Notes:  \n  \\# Heading  \n');
    expect(section).toContain('- Checklist:\n  - [x] Who monitors me during a session?  \n    A \\*nurse\\*  \n    the whole time\n');
    expect(section).not.toContain('What is the total cost');
    expect(section).toContain('- Sources: [Mindbloom home page](https://mindbloom.example.com/), [Pricing](https://mindbloom.example.com/pricing)\n');
  });

  it('labels custom clinics and clinics no longer in the dataset', () => {
    expect(md).toContain('- Your own entry — not from Clinic Scout’s data.\n- Website: [drlee.example.net](https://drlee.example.net/)\n- Locations: Boulder, CO\n');
    expect(md).toContain('### Gone Clinic\n\n- Not in Clinic Scout’s current data');
    expect(md).toContain('## Empty\n\n_No clinics on this list._\n');
  });

  it('renders the comparison table with escaped cells', () => {
    expect(md).toContain('|   | Closed Co | Mind\\|bloom |\n| --- | --- | --- |\n| Per session | $400 | $450 or less |\n');
  });

  it('has no unescaped Markdown or HTML from user text anywhere', () => {
    const userLines = md.split('\n').filter((l) => /evil|Evil|script|onerror|click me|cash|nurse/.test(l));
    expect(userLines.length).toBeGreaterThan(5);
    for (const l of userLines) {
      const body = l.replace(/^(#{1,3} |- (Quoted|Notes|Checklist): |\s*- \[[x ]\] |\s+)/, '');
      expect(unescapedSpecials(body)).toEqual([]);
    }
  });
});
