// The side-by-side comparison as data: one row per attribute, one cell per provider, and whether the
// known values differ. Pure; the panel renders it (stacked or as a table) and compareToMarkdown prints it.
import type { Location, Price, Provider, Tri } from '../dataset/schema';
import { formatDate } from '../format/dates';
import { DELIVERY_LABEL, INSURANCE_LABEL, KIND_LABEL, MODALITY_LABEL, TRI_LABEL } from '../format/labels';
import { siteName } from '../format/links';
import { formatPriceRange } from '../format/money';
import { STATE_NAME } from '../browse/states';
import { statusText } from '../browse/summary';

export interface CompareLine {
  /** What is compared, e.g. "$400–$500" or "Los Angeles, CA". */
  text: string;
  /** Context shown smaller, e.g. the price's label; not part of the comparison. */
  detail?: string;
  /** Sources row only: the link. */
  url?: string;
}

export interface CompareCell {
  lines: CompareLine[];
  /** Nothing is known: the cell reads "Unknown". */
  unknown: boolean;
  /** What the cell is compared on when not its texts (status: the state, not the date). */
  key?: string;
}

export type RowId =
  | 'status'
  | 'kind'
  | 'modalities'
  | 'delivery'
  | 'locations'
  | 'consultation'
  | 'session'
  | 'packages'
  | 'otherPrices'
  | 'insurance'
  | 'paymentPlans'
  | 'hsaFsa'
  | 'careCredit'
  | 'prescribers'
  | 'administers'
  | 'therapy'
  | 'lastReviewed'
  | 'sources';

export interface CompareRow {
  id: RowId;
  label: string;
  /** Price rows: shown with "Estimate — confirm with the clinic." */
  estimate: boolean;
  /** False for rows where "differs" means nothing (sources). */
  comparable: boolean;
  cells: CompareCell[];
  /** At least two providers have known values and they are not the same. Unknowns do not count as different. */
  differs: boolean;
  /** Known for some providers and unknown for others. */
  partlyUnknown: boolean;
}

export const UNKNOWN = 'Unknown';

const unknownCell = (detail?: string): CompareCell => ({ lines: [{ text: UNKNOWN, ...(detail ? { detail } : {}) }], unknown: true });
const cell = (...lines: CompareLine[]): CompareCell => ({ lines, unknown: false });
const tri = (v: Tri): CompareCell => (v === 'unknown' ? unknownCell() : cell({ text: TRI_LABEL[v] }));
const text = (v: string | null): CompareCell => (v === null ? unknownCell() : cell({ text: v }));

function priceLine(p: Price): CompareLine | null {
  if (p.low === null && p.high === null) return null;
  const amount = formatPriceRange(p.low, p.high);
  const notes = [p.label, p.includes ? `includes ${p.includes}` : null, p.publishedBy === 'third-party' ? 'reported by a third party' : null];
  return {
    text: p.kind === 'package' && p.sessions ? `${amount} for ${p.sessions} sessions` : amount,
    detail: notes.filter(Boolean).join(' — '),
  };
}

function prices(p: Provider, kinds: readonly Price['kind'][]): CompareCell {
  const lines = p.prices.filter((x) => kinds.includes(x.kind)).map(priceLine).filter((l): l is CompareLine => l !== null);
  return lines.length ? cell(...lines) : unknownCell('none published');
}

/** As on the card ("label or city, state"), without repeating a state the label already names. */
function locationLine(l: Location): CompareLine {
  const base = l.label ?? l.city;
  const namesState = base !== null && (new RegExp(`\\b${l.state}\\b`).test(base) || base.includes(STATE_NAME[l.state]));
  const text = base === null ? STATE_NAME[l.state] : namesState ? base : `${base}, ${l.state}`;
  return l.confirmed ? { text } : { text, detail: 'location not confirmed' };
}

function locations(p: Provider): CompareCell {
  const lines: CompareLine[] = p.locations.map(locationLine);
  if (p.statesServed) {
    const v = p.statesServed.value;
    lines.push({ text: v ? `Telehealth in ${v.join(', ')}` : 'Telehealth (states served not published)' });
  }
  return lines.length ? cell(...lines) : unknownCell();
}

function insurance(p: Provider): CompareCell {
  const ins = p.insurance;
  if (ins.accepted === 'unknown') return unknownCell();
  return cell({ text: INSURANCE_LABEL[ins.accepted], ...(ins.networks.length ? { detail: ins.networks.join(', ') } : {}) });
}

interface RowSpec {
  id: RowId;
  label: string;
  estimate?: boolean;
  comparable?: boolean;
  cell(p: Provider): CompareCell;
}

const ROWS: readonly RowSpec[] = [
  { id: 'status', label: 'Status', cell: (p) => ({ ...cell({ text: statusText(p) }), key: p.status.state }) },
  { id: 'kind', label: 'Type', cell: (p) => cell({ text: KIND_LABEL[p.kind] }) },
  {
    id: 'modalities',
    label: 'Forms of ketamine',
    cell: (p) => (p.modalities.value.length ? cell(...p.modalities.value.map((m) => ({ text: MODALITY_LABEL[m] }))) : unknownCell()),
  },
  {
    id: 'delivery',
    label: 'In clinic or at home',
    cell: (p) => (p.delivery.value === 'unknown' ? unknownCell() : cell({ text: DELIVERY_LABEL[p.delivery.value] })),
  },
  { id: 'locations', label: 'Locations', cell: locations },
  { id: 'consultation', label: 'Consultation price', estimate: true, cell: (p) => prices(p, ['consultation']) },
  { id: 'session', label: 'Price per session', estimate: true, cell: (p) => prices(p, ['session']) },
  { id: 'packages', label: 'Packages', estimate: true, cell: (p) => prices(p, ['package']) },
  { id: 'otherPrices', label: 'Other prices', estimate: true, cell: (p) => prices(p, ['monthly', 'other']) },
  { id: 'insurance', label: 'Insurance', cell: insurance },
  { id: 'paymentPlans', label: 'Payment plans', cell: (p) => tri(p.financing.paymentPlans) },
  { id: 'hsaFsa', label: 'HSA / FSA', cell: (p) => tri(p.financing.hsaFsa) },
  { id: 'careCredit', label: 'CareCredit', cell: (p) => tri(p.financing.careCredit) },
  { id: 'prescribers', label: 'Who prescribes', cell: (p) => text(p.staff.prescribers) },
  { id: 'administers', label: 'Who administers and monitors', cell: (p) => text(p.staff.administers) },
  { id: 'therapy', label: 'Therapy included', cell: (p) => tri(p.therapy.integrated) },
  { id: 'lastReviewed', label: 'Facts last reviewed', cell: (p) => cell({ text: formatDate(p.lastReviewed) }) },
  {
    id: 'sources',
    label: 'Main sources',
    comparable: false,
    cell: (p) =>
      p.sources.length
        ? cell(
            ...p.sources.map((s) => ({
              text: s.title ?? siteName(s.url),
              url: s.url,
              detail: `${formatDate(s.date)}${s.thirdParty ? ', third-party' : ''}`,
            })),
          )
        : unknownCell('no source found'),
  },
];

/** What two cells are compared on: their texts, in any order (details are context only). */
const cellKey = (c: CompareCell) => c.key ?? JSON.stringify(c.lines.map((l) => l.text).sort());

export function compareRows(providers: readonly Provider[]): CompareRow[] {
  return ROWS.map((spec) => {
    const cells = providers.map((p) => spec.cell(p));
    const comparable = spec.comparable ?? true;
    const known = cells.filter((c) => !c.unknown);
    const differs = comparable && new Set(known.map(cellKey)).size > 1;
    const partlyUnknown = comparable && known.length > 0 && known.length < cells.length;
    return { id: spec.id, label: spec.label, estimate: spec.estimate ?? false, comparable, cells, differs, partlyUnknown };
  });
}

/** One line of a cell as plain text: "$400–$500 (IV infusion, 1 hour)". */
export const lineText = (l: CompareLine): string => (l.detail ? `${l.text} (${l.detail})` : l.text);

/** Column heading: the name, with the status when the provider is not operating. */
export function columnTitle(p: Provider): string {
  return p.status.state === 'operating' ? p.name : `${p.name} (${statusText(p)})`;
}
