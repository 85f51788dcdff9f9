// The raw export of stored records that could not be read (ShortlistDb.listUnreadable): so a damaged
// record is never lost silently, the user can save it as it is and send it for repair. Never throws.
import type { UnreadableRecord } from '../shortlist/conflict';

export const RAW_FORMAT_NAME = 'clinic-scout-unreadable-records';

/**
 * JSON text holding each unreadable record with where it was, why it could not be read, and its raw
 * value. Values JSON can't hold are written as descriptions: BigInt as a string, Date as ISO text, Map
 * and Set as arrays, binary data as byte arrays, a repeated (circular) object as "[circular]".
 * Save as application/json; it is not importable (it is not a Clinic Scout backup).
 */
export function unreadableRecordsJson(records: readonly UnreadableRecord[], exportedAt: Date): string {
  const seen = new WeakSet<object>();
  const safe = (value: unknown): unknown => {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    if (typeof value === 'undefined') return null;
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    try {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
      if (value instanceof Map) return [...value].map(([k, v]) => [safe(k), safe(v)]);
      if (value instanceof Set) return [...value].map(safe);
      if (ArrayBuffer.isView(value)) return Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      if (value instanceof ArrayBuffer) return Array.from(new Uint8Array(value));
      if (Array.isArray(value)) return value.map(safe);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: safe((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
      return out;
    } finally {
      seen.delete(value);
    }
  };
  const body = {
    format: RAW_FORMAT_NAME,
    exportedAt: exportedAt.toISOString(),
    note: 'Saved entries Clinic Scout could not read, exactly as stored. This is not a backup that can be imported.',
    records: records.map((r) => ({ store: r.store, key: safe(r.key), shortlistId: r.shortlistId, reason: r.reason, raw: safe(r.raw) })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
