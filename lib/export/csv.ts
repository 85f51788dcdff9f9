// CSV export: RFC 4180 (CRLF line ends, fields quoted when they hold a comma, semicolon, tab, quote, CR or LF, inner
// quotes doubled), UTF-8 with a BOM so Excel reads the accents and emoji, one header row, one row per item.
// Cells a spreadsheet would run as a formula are neutralised as OWASP recommends: prefixed with ' and quoted.
import { ESTIMATE_NOTE, ITEM_STATUS_LABEL, answerLines, factsBuilder, type ClinicFacts } from './facts';
import { groupItems, type ExportInput } from './input';

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

/** The fixed columns, before one column per checklist question and a final column for other answers. */
export const CSV_COLUMNS = [
  'List',
  'Clinic',
  'Website',
  'Clinic status',
  'Treatments',
  'Delivery',
  'Locations',
  est('Consultation price'),
  est('Per-session price'),
  est('Other published prices'),
  'Insurance',
  'Financing',
  'Sources',
  'Your status',
  'Quoted consultation ($)',
  'Quoted per session ($)',
  'Quote note',
  est('Cost estimate'),
  'Notes',
] as const;

export const OTHER_ANSWERS_COLUMN = 'Other checklist answers';

/**
 * The CSV text, starting with a BOM. Save it as `text/csv;charset=utf-8`. Multi-value cells are joined
 * with "; " (sources with spaces, since URLs cannot contain one). A checklist cell reads "Done — answer",
 * "Done", or the answer alone.
 */
export function toCsv(input: ExportInput): string {
  const questions = input.general?.questions ?? [];
  const facts = factsBuilder(input.provider);
  const clinicCells = new Map<ClinicFacts, string>();
  const out: string[] = [BOM, csvRow([...CSV_COLUMNS, ...questions.map((q) => q.text), OTHER_ANSWERS_COLUMN])];
  for (const { list, items } of groupItems(input.shortlists, input.items)) {
    const listCell = csvCell(list.name);
    for (const item of items) {
      const { clinic, name, website } = facts(item);
      let cells = clinicCells.get(clinic);
      if (cells === undefined) clinicCells.set(clinic, (cells = clinicRow(clinic)));
      const answers = answerLines(item, input.general);
      const byQuestion = new Map(answers.filter((a) => a.known).map((a) => [a.questionId, answerCell(a)]));
      const other = answers.filter((a) => !a.known).map((a) => `${a.question}: ${answerCell(a)}`);
      out.push(
        `${listCell},${csvCell(name)},${csvCell(website)},${cells},`,
        csvRow([
          ITEM_STATUS_LABEL[item.status],
          item.quote?.consultation,
          item.quote?.perSession,
          item.quote?.note,
          input.itemExtras?.(item)?.costEstimate,
          item.notes,
          ...questions.map((q) => byQuestion.get(q.id) ?? ''),
          other.join('; '),
        ]),
      );
    }
  }
  return out.join('');
}

/** The dataset columns, Clinic status to Sources, as encoded CSV (computed once per provider). */
function clinicRow(f: ClinicFacts): string {
  const priced = f.origin === 'dataset' ? 'not published' : '';
  return [
    f.statusDetail ? `${f.status}. ${f.statusDetail}` : f.status,
    f.treatments,
    f.delivery,
    f.locations.join('; '),
    f.consultation.join('; ') || priced,
    f.perSession.join('; ') || priced,
    f.otherPrices.join('; '),
    f.insurance,
    f.financing,
    f.sources.map((s) => s.url).join(' '),
  ]
    .map(csvCell)
    .join(',');
}

function answerCell(a: { done: boolean; text: string }): string {
  if (a.done) return a.text ? `Done — ${a.text}` : 'Done';
  return a.text;
}
