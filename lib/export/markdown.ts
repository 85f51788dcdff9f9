// Markdown export: a readable summary to paste into a message or print. All user text goes through
// markdown-escape.ts; dataset text is escaped too (it is plain prose, not Markdown).
import { latestChangeLine } from '../changes/unseen';
import type { Source } from '../dataset/schema';
import { siteName } from '../format/links';
import type { ShortlistItem } from '../shortlist/schema';
import { DISCLAIMER, ESTIMATE_NOTE, ITEM_STATUS_LABEL, answerLines, withEstimateNote, factsBuilder, type ClinicFacts, type ItemFacts, quoteText } from './facts';
import { localDate } from './filename';
import { groupItems, type ComparisonTable, type ExportInput } from './input';
import { escapeBlock, escapeInline, mdLink } from './markdown-escape';

/**
 * The summary: a header with the date and the disclaimer, then each list (with its comparison table when
 * given) and each clinic: status first when not operating, key facts, the cost estimate line, the user's
 * status, quote, notes and checklist answers, and sources as links.
 */
export function toMarkdown(input: ExportInput): string {
  const facts = factsBuilder(input.provider);
  const links = new Map<string, string>();
  const clinics = new Map<ClinicFacts, ClinicLines>();
  const sourceLink = (s: Source) => {
    let link = links.get(s.url);
    if (link === undefined) links.set(s.url, (link = mdLink(s.title ?? siteName(s.url), s.url)));
    return link;
  };
  const sites = new Map<string, string>();
  const siteLink = (url: string) => {
    let link = sites.get(url);
    if (link === undefined) sites.set(url, (link = mdLink(siteName(url), url)));
    return link;
  };

  const out: string[] = [`# Clinic Scout shortlist — ${localDate(input.exportedAt)}\n\n> ${DISCLAIMER}\n`];
  for (const { list, items } of groupItems(input.shortlists, input.items)) {
    out.push(`\n## ${escapeInline(list.name)}\n`);
    if (list.deletedAt !== null) out.push('\n_This list is in the trash._\n');
    const table = input.comparison?.(list);
    if (table && table.rows.length) out.push(`\n${comparisonTable(table)}`);
    if (items.length === 0) out.push('\n_No clinics on this list._\n');
    for (const item of items) {
      const f = facts(item);
      let clinic = clinics.get(f.clinic);
      if (!clinic) clinics.set(f.clinic, (clinic = clinicLines(f.clinic, sourceLink)));
      out.push(itemSection(item, f, clinic, input, siteLink));
    }
  }
  return out.join('');
}

/** Escaped lines from the dataset, built once per provider per export; each line ends with \n. */
interface ClinicLines {
  /** Status first, when not operating; the origin of a custom or missing entry. */
  head: string;
  facts: string;
  sources: string;
}

function clinicLines(f: ClinicFacts, sourceLink: (s: Source) => string): ClinicLines {
  let head = '';
  let facts = '';
  const add = (label: string, value: string | null | undefined) => {
    if (value) facts += `- ${label}: ${escapeInline(value)}\n`;
  };
  if (!f.operating) head += `- **${escapeInline(f.status)}.**${f.statusDetail ? ` ${escapeInline(f.statusDetail)}` : ''}\n`;
  if (f.origin === 'custom') head += '- Your own entry — not from Clinic Scout’s data.\n';
  if (f.origin === 'missing') head += '- Not in Clinic Scout’s current data: only the name and website you saved are shown.\n';
  if (f.origin === 'dataset' && f.operating) add('Status', f.status);
  add('Treatments', f.treatments);
  add('Delivery', f.delivery);
  add('Locations', f.locations.join('; '));
  add(`Consultation (${ESTIMATE_NOTE})`, f.consultation.join('; '));
  add(`Per session (${ESTIMATE_NOTE})`, f.perSession.join('; '));
  add(`Other prices (${ESTIMATE_NOTE})`, f.otherPrices.join('; '));
  if (f.origin === 'dataset' && !f.consultation.length && !f.perSession.length && !f.otherPrices.length) {
    add('Prices', f.pricesNote ?? 'not published');
  }
  add('Insurance', f.insurance);
  add('Financing', f.financing);
  const sources = f.sources.length ? `- Sources: ${f.sources.map(sourceLink).join(', ')}\n` : '';
  return { head, facts, sources };
}

function itemSection(item: ShortlistItem, f: ItemFacts, clinic: ClinicLines, input: ExportInput, siteLink: (url: string) => string): string {
  let s = `\n### ${escapeInline(f.name)}\n\n${clinic.head}`;
  const change = latestChangeLine(item);
  if (change) s += `- Latest change: ${escapeInline(change)}\n`;
  if (f.website) s += `- Website: ${siteLink(f.website)}\n`;
  s += clinic.facts;
  const cost = input.itemExtras?.(item)?.costEstimate;
  if (cost) s += `- Cost estimate: ${escapeInline(withEstimateNote(cost))}\n`;
  s += `- Your status: ${ITEM_STATUS_LABEL[item.status]}\n`;
  const quote = quoteText(item);
  const quoteNote = item.quote?.note.trim();
  if (quote || quoteNote) s += `- Quoted: ${escapeInline([quote, quoteNote].filter(Boolean).join(' — '))}\n`;
  if (item.notes.trim()) s += `- Notes:  \n${escapeBlock(item.notes, '  ')}\n`;
  const answers = answerLines(item, input.general);
  if (answers.length) {
    s += '- Checklist:\n';
    for (const a of answers) {
      s += `  - [${a.done ? 'x' : ' '}] ${escapeInline(a.question)}`;
      s += a.text.trim() ? `  \n${escapeBlock(a.text, '    ')}\n` : '\n';
    }
  }
  return s + clinic.sources;
}

function comparisonTable(t: ComparisonTable): string {
  const row = (cells: readonly string[]) => `| ${cells.map((c) => escapeInline(c) || ' ').join(' | ')} |\n`;
  const width = t.columns.length + 1;
  const pad = (cells: readonly string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')].slice(0, width);
  return (
    row(pad(['', ...t.columns])) +
    `|${' --- |'.repeat(width)}\n` +
    t.rows.map((r) => row(pad([r.label, ...r.cells]))).join('')
  );
}
