// A compact ZIP → coordinates table: records sorted by ZIP, each field delta-encoded against the
// previous record in base 36, so 40,000+ ZIPs fit in a few hundred KB and decode in milliseconds.
// Coordinates are kept to 2 decimals (about 1 km), plenty for "how far is this clinic".

export interface ZipPoint {
  zip: string;
  lat: number;
  lon: number;
  state: string;
}

export interface ZipTable {
  /** Two-letter states, indexed by the records' state field. */
  states: string[];
  /** "zipDelta,latDelta,lonDelta[,stateIndex];" per record, base 36, deltas of value × 100; the state only when it changes. */
  data: string;
}

export function encodeZipTable(points: ZipPoint[]): ZipTable {
  const sorted = [...points].sort((a, b) => a.zip.localeCompare(b.zip));
  const states = [...new Set(sorted.map((p) => p.state))].sort();
  const stateIndex = new Map(states.map((s, i) => [s, i]));
  let zip = 0;
  let lat = 0;
  let lon = 0;
  let state = -1;
  const parts: string[] = [];
  for (const p of sorted) {
    const z = Number(p.zip);
    const la = Math.round(p.lat * 100);
    const lo = Math.round(p.lon * 100);
    const st = stateIndex.get(p.state)!;
    const fields = [z - zip, la - lat, lo - lon, ...(st === state ? [] : [st])];
    parts.push(fields.map((n) => n.toString(36)).join(','));
    state = st;
    zip = z;
    lat = la;
    lon = lo;
  }
  return { states, data: parts.join(';') };
}

export function decodeZipTable(table: ZipTable): Map<string, { lat: number; lon: number; state: string }> {
  const out = new Map<string, { lat: number; lon: number; state: string }>();
  let zip = 0;
  let lat = 0;
  let lon = 0;
  let state = '';
  for (const record of table.data.split(';')) {
    const [dz, dla, dlo, st] = record.split(',').map((s) => parseInt(s, 36));
    zip += dz!;
    lat += dla!;
    lon += dlo!;
    if (st !== undefined) state = table.states[st]!;
    out.set(String(zip).padStart(5, '0'), { lat: lat / 100, lon: lon / 100, state });
  }
  return out;
}
