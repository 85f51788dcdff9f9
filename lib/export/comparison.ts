// The comparison (lib/compare/rows + notes) as Markdown, for the shortlist export. All dataset text is escaped.
// It lives in lib/export because only the export uses it: lib/compare never imports lib/export.
import type { Provider, Source } from '../dataset/schema';
import type { General } from '../dataset/general-schema';
import { DISCLAIMER, ESTIMATE_NOTE } from './facts';
import { escapeInline, mdLink } from './markdown-escape';
import { siteName } from '../format/links';
import { compareNotes } from '../compare/notes';
import { columnTitle, compareRows, lineText } from '../compare/rows';

export const DIFFERS_LABEL = 'differs';

/** A comparison of a list's clinics, as the UI shows it: one column per clinic. Markdown only. */
export interface ComparisonTable {
  /** Column headings after the row-label column, usually the clinic names. */
  columns: string[];
  rows: { label: string; cells: string[] }[];
}

/** The comparison in the shape the shortlist export takes (lib/export/input.ts), as plain unescaped text. */
export function compareToTable(providers: readonly Provider[]): ComparisonTable {
  return {
    columns: providers.map(columnTitle),
    rows: compareRows(providers).map((r) => ({
      label: `${r.label}${r.estimate ? ` (${ESTIMATE_NOTE})` : ''}${r.differs ? ` — ${DIFFERS_LABEL}` : ''}`,
      cells: r.cells.map((c) => c.lines.map(lineText).join('; ')),
    })),
  };
}

const sourceLinks = (sources: readonly Source[]) =>
  sources.map((s) => mdLink(s.title ?? siteName(s.url), s.url)).join('; ');

/**
 * A Markdown section: heading, disclaimer, the table (rows whose known values differ are marked "differs";
 * price rows carry the estimate note; unknowns read "Unknown") and the notes with their sources.
 */
export function compareToMarkdown(
  providers: readonly Provider[],
  options: { general?: Pick<General, 'spravato' | 'questions'>; heading?: string } = {},
): string {
  const heading = options.heading ?? 'Comparison';
  const out = [`## ${escapeInline(heading)}\n\n> ${escapeInline(DISCLAIMER)}\n`];
  if (providers.length === 0) return `${out[0]}\n_No providers to compare._\n`;
  const t = compareToTable(providers);
  const row = (cells: readonly string[]) => `| ${cells.map((c) => escapeInline(c) || ' ').join(' | ')} |\n`;
  out.push(`\n${row(['', ...t.columns])}|${' --- |'.repeat(t.columns.length + 1)}\n${t.rows.map((r) => row([r.label, ...r.cells])).join('')}`);
  const notes = compareNotes(providers, options.general);
  if (notes.length) {
    out.push('\n### Notes\n\n');
    for (const n of notes) {
      const who =
        n.origin === 'provider' ? `${n.tone === 'strength' ? 'Strength' : 'Consider'} (${n.providerName}): `
        : '';
      const general = n.origin === 'general' ? ' (includes Clinic Scout’s general information)' : '';
      const estimate = n.estimate ? ` (${ESTIMATE_NOTE})` : '';
      const src = n.sources.length ? ` — Sources: ${sourceLinks(n.sources)}` : ' — No source found';
      out.push(`- ${escapeInline(who + n.text + general + estimate)}${src}\n`);
    }
  }
  return out.join('');
}
