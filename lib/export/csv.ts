// CSV export: RFC 4180 (CRLF line ends, fields quoted when they hold a comma, semicolon, tab, quote, CR or LF, inner
// quotes doubled), UTF-8 with a BOM so Excel reads the accents and emoji, one header row, one row per item.
// The columns are one spec, CSV_COLUMN_SPEC: {id, label, cell} per column (like lib/compare/rows.ts).
// Cells a spreadsheet would run as a formula are neutralised as OWASP recommends: prefixed with ' and quoted.
import type { Shortlist, ShortlistItem } from '../shortlist/schema';
import { ESTIMATE_NOTE, ITEM_STATUS_LABEL, answerLines, factsBuilder, type ClinicFacts, type ItemFacts } from './facts';
import { groupItems, type ExportInput } from './input';
import { latestChangeLine } from '../changes/unseen';

export const BOM = '\uFEFF';
const CRLF = '\r\n';

/** First characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula (incl. full-width forms). */
const FORMULA_START = /^\s*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
/**
 * A formula trigger right after a character that some spreadsheet may split cells or rows on: `,`
 * (RFC 4180), `;` (Excel in many European locales), tab (TSV, paste), CR/LF (rows). Spreadsheets that
 * honour quotes never split a quoted cell, but an import with the text qualifier off does, so each
 * piece that could become a cell is neutralised too: `x;=1+1;` is written as `"x;'=1+1;"`.
 */
const INNER_FORMULA = /([,;\t\r\n])( *)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;
/** Characters that force quoting: the separators above, the quote itself. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Text as a spreadsheet must show it: a leading ' before the cell and before every piece that could run as a formula. */
export function neutraliseFormulas(s: string): string {
  const inner = s.replace(INNER_FORMULA, "$1'$2");
  return FORMULA_START.test(s) ? `'${inner}` : inner;
}

/**
 * One CSV field. Text is neutralised (see neutraliseFormulas) and quoted when it holds a comma,
 * semicolon, tab, quote, CR or LF or was neutralised, so it stays one cell whichever of `,` `;` or tab
 * the spreadsheet splits on. Numbers are written as plain numbers.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const s = neutraliseFormulas(value);
  return s !== value || NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',') + CRLF;
}

const est = (label: string) => `${label} (${ESTIMATE_NOTE})`;

/** What one CSV row is made from. */
export interface CsvRowSource {
  list: Shortlist;
  item: ShortlistItem;
  facts: ItemFacts;
  /** The UI's one-line cost estimate for the item (ExportInput.itemExtras). */
  costEstimate: string | undefined;
}

type Cell = string | number | null | undefined;

/**
 * One fixed column: a stable `id` (tests and code pick columns by it, never by position), the header `label`,
 * and how its `cell` is read. `clinic: true` cells depend only on the clinic's facts, so they are encoded once
 * per provider in an export.
 */
export interface CsvColumn {
  id: string;
  label: string;
  clinic?: true;
  cell(row: CsvRowSource): Cell;
}

const priced = (f: ClinicFacts) => (f.origin === 'dataset' ? 'not published' : '');

/** The fixed columns in order; after them come one column per checklist question and OTHER_ANSWERS_COLUMN. */
export const CSV_COLUMN_SPEC = [
  { id: 'list', label: 'List', cell: (r) => r.list.name },
  { id: 'clinic', label: 'Clinic', cell: (r) => r.facts.name },
  { id: 'website', label: 'Website', cell: (r) => r.facts.website },
  { id: 'clinicStatus', label: 'Clinic status', clinic: true, cell: ({ facts: { clinic: f } }) => (f.statusDetail ? `${f.status}. ${f.statusDetail}` : f.status) },
  { id: 'latestChange', label: 'Latest change', cell: (r) => latestChangeLine(r.item) },
  { id: 'treatments', label: 'Treatments', clinic: true, cell: (r) => r.facts.clinic.treatments },
  { id: 'delivery', label: 'Delivery', clinic: true, cell: (r) => r.facts.clinic.delivery },
  { id: 'locations', label: 'Locations', clinic: true, cell: (r) => r.facts.clinic.locations.join('; ') },
  { id: 'consultationPrice', label: est('Consultation price'), clinic: true, cell: ({ facts: { clinic: f } }) => f.consultation.join('; ') || priced(f) },
  { id: 'perSessionPrice', label: est('Per-session price'), clinic: true, cell: ({ facts: { clinic: f } }) => f.perSession.join('; ') || priced(f) },
  { id: 'otherPrices', label: est('Other published prices'), clinic: true, cell: (r) => r.facts.clinic.otherPrices.join('; ') },
  { id: 'insurance', label: 'Insurance', clinic: true, cell: (r) => r.facts.clinic.insurance },
  { id: 'financing', label: 'Financing', clinic: true, cell: (r) => r.facts.clinic.financing },
  { id: 'sources', label: 'Sources', clinic: true, cell: (r) => r.facts.clinic.sources.map((s) => s.url).join(' ') },
  { id: 'status', label: 'Your status', cell: (r) => ITEM_STATUS_LABEL[r.item.status] },
  { id: 'quotedConsultation', label: 'Quoted consultation ($)', cell: (r) => r.item.quote?.consultation },
  { id: 'quotedPerSession', label: 'Quoted per session ($)', cell: (r) => r.item.quote?.perSession },
  { id: 'quoteNote', label: 'Quote note', cell: (r) => r.item.quote?.note },
  { id: 'costEstimate', label: est('Cost estimate'), cell: (r) => r.costEstimate },
  { id: 'notes', label: 'Notes', cell: (r) => r.item.notes },
] as const satisfies readonly CsvColumn[];

export type CsvColumnId = (typeof CSV_COLUMN_SPEC)[number]['id'];

/** The fixed columns' header labels, in order. */
export const CSV_COLUMNS = CSV_COLUMN_SPEC.map((c) => c.label);

/** The header label of a fixed column. */
export function csvColumnLabel(id: CsvColumnId): string {
  return CSV_COLUMN_SPEC.find((c) => c.id === id)!.label;
}

export const OTHER_ANSWERS_COLUMN = 'Other checklist answers';

/**
 * The CSV text, starting with a BOM. Save it as `text/csv;charset=utf-8`. Multi-value cells are joined
 * with "; " (sources with spaces, since URLs cannot contain one). A checklist cell reads "Done — answer",
 * "Done", or the answer alone.
 */
export function toCsv(input: ExportInput): string {
  const questions = input.general?.questions ?? [];
  const facts = factsBuilder(input.provider);
  const columns: readonly CsvColumn[] = CSV_COLUMN_SPEC;
  const clinicCells = new Map<ClinicFacts, Map<CsvColumn, string>>();
  const out: string[] = [BOM, csvRow([...CSV_COLUMNS, ...questions.map((q) => q.text), OTHER_ANSWERS_COLUMN])];
  for (const { list, items } of groupItems(input.shortlists, input.items)) {
    for (const item of items) {
      const row: CsvRowSource = { list, item, facts: facts(item), costEstimate: input.itemExtras?.(item)?.costEstimate };
      let cached = clinicCells.get(row.facts.clinic);
      if (cached === undefined) clinicCells.set(row.facts.clinic, (cached = new Map()));
      const fixed = columns.map((c) => {
        if (!c.clinic) return csvCell(c.cell(row));
        let encoded = cached!.get(c);
        if (encoded === undefined) cached!.set(c, (encoded = csvCell(c.cell(row))));
        return encoded;
      });
      const answers = answerLines(item, input.general);
      const byQuestion = new Map(answers.filter((a) => a.known).map((a) => [a.questionId, answerCell(a)]));
      const other = answers.filter((a) => !a.known).map((a) => `${a.question}: ${answerCell(a)}`);
      out.push(`${fixed.join(',')},`, csvRow([...questions.map((q) => byQuestion.get(q.id) ?? ''), other.join('; ')]));
    }
  }
  return out.join('');
}

function answerCell(a: { done: boolean; text: string }): string {
  if (a.done) return a.text ? `Done — ${a.text}` : 'Done';
  return a.text;
}
