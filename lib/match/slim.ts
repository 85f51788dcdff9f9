// The background's slim match entries, packed compactly at bundle time: only matching rules, name and
// status of each record, as positional rows with empty parts left off, emitted as one JSON string (a
// JSON.parse of a string is cheaper for V8 than the same object literal). Pure.
import type { Provider, StatusState } from '../dataset/schema';
import type { MatchEntry } from './matcher';

export interface SlimEntry extends MatchEntry {
  name: string;
  state: Provider['status']['state'];
}

const STATES: readonly StatusState[] = ['operating', 'not-accepting', 'not-yet-open', 'closed', 'acquired', 'unknown'];

/** [id, name, state, domains, hosts?, [host, prefix][]?, mirrors?, look-alike hosts?] — trailing empties dropped. */
export type SlimRow = [string, string, number, string[], string[]?, Array<[string, string]>?, string[]?, string[]?];

export function packSlim(p: Pick<Provider, 'id' | 'name' | 'status' | 'match' | 'lookalikes'>): SlimRow {
  const row: SlimRow = [
    p.id,
    p.name,
    STATES.indexOf(p.status.state),
    p.match.domains,
    p.match.hosts,
    p.match.paths.map((r) => [r.host, r.prefix]),
    p.match.mirrors,
    p.lookalikes.map((l) => l.host),
  ];
  while (row.length > 4 && (row[row.length - 1] as unknown[]).length === 0) row.pop();
  return row;
}

export function unpackSlim(row: SlimRow): SlimEntry {
  const [id, name, state, domains, hosts = [], paths = [], mirrors = [], lookalikes = []] = row;
  return {
    id,
    name,
    state: STATES[state] ?? 'unknown',
    match: { domains, hosts, paths: paths.map(([host, prefix]) => ({ host, prefix })), mirrors },
    lookalikes: lookalikes.map((host) => ({ host })),
  };
}
