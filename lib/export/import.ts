// Reads a JSON export (any version ever written) into records of the current model. Pure: nothing is
// written; the caller previews the result with planImport and writes it in one transaction.
import type { Shortlist, ShortlistItem } from '../shortlist/schema';
import { CURRENT_VERSION, CurrentFile, FORMAT_NAME, VERSIONS, type VersionStep } from './json-format';
import { Problems, describeIssues, describePath } from './issues';
import { hasUserinfo } from '../format/links';
import { MAX_IMPORT_BYTES, MESSAGES, findForbiddenKey, nestsDeeperThan, sniffNonJson } from './preflight';

export interface ImportData {
  /** When the file was exported, as written in it (ISO 8601). */
  exportedAt: string;
  /** The file's format version before upgrading. */
  sourceVersion: number;
  shortlists: Shortlist[];
  items: ShortlistItem[];
}

export type ImportResult = { ok: true; data: ImportData } | { ok: false; errors: string[] };

/** Why an address like https://user:pass@host/ is refused. */
export const USERINFO_MESSAGE = 'a web address with a user name or password in it (like “name@” before the site) is not accepted';

const fail = (...errors: string[]): ImportResult => ({ ok: false, errors });

/**
 * Validates a whole export file before anything is written. Every failure is a sentence for the user;
 * field errors name the list or clinic and the field, e.g. 'items[3] (Mindbloom).notes: expected text, found a number'.
 */
export function parseImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return fail(MESSAGES.tooLarge);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail(MESSAGES.empty);
  const notJson = sniffNonJson(body);
  if (notJson) return fail(notJson);
  if (nestsDeeperThan(body)) return fail(MESSAGES.tooDeep);

  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return fail(MESSAGES.invalidJson(e instanceof Error ? e.message : String(e)));
  }

  const bad = findForbiddenKey(raw);
  if (bad) return fail(MESSAGES.forbiddenKey(bad.key, bad.path.length ? describePath(bad.path, raw) : ''));

  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail(MESSAGES.notOurs);
  const header = raw as { format?: unknown; version?: unknown };
  if (header.format !== FORMAT_NAME) return fail(MESSAGES.notOurs);
  const version = header.version;
  if (typeof version !== 'number' || !Number.isFinite(version)) return fail(MESSAGES.noVersion);
  if (Number.isInteger(version) && version > CURRENT_VERSION) return fail(MESSAGES.newer(version, CURRENT_VERSION));

  const first = VERSIONS.findIndex((v) => v.version === version);
  if (first === -1) return fail(MESSAGES.unknownVersion(String(version)));

  const parsed = parseRecords(VERSIONS[first]!, raw);
  if (!parsed.ok) return fail(...parsed.errors);

  let file: unknown = parsed.data;
  for (const step of VERSIONS.slice(first)) if (step.upgrade) file = (step.upgrade as (f: unknown) => unknown)(file);
  if (first !== VERSIONS.length - 1) {
    // An upgraded file is re-checked against the current model, so nothing invalid can reach storage.
    const current = CurrentFile.safeParse(file);
    if (!current.success) return fail('This older export could not be upgraded:', ...describeIssues(current.error.issues, file));
    file = current.data;
  }

  const { exportedAt, shortlists, items } = file as { exportedAt: string; shortlists: Shortlist[]; items: ShortlistItem[] };
  const errors = checkReferences(shortlists, items);
  if (errors.length) return fail(...errors);
  return { ok: true, data: { exportedAt, sourceVersion: version, shortlists, items } };
}

/**
 * The file's own version schema, applied record by record: the header (everything but the two arrays)
 * with the whole-file schema, then each list and item with its element schema. Problems are described
 * only while fewer than MAX_LISTED_ERRORS are listed, then counted (one per bad record); no step is proportional to more
 * than one record, so neither time, memory nor the stack grow with the number of problems.
 */
function parseRecords(step: VersionStep, raw: object): { ok: true; data: unknown } | { ok: false; errors: string[] } {
  const file = raw as Record<string, unknown>;
  const arrays = { shortlists: file.shortlists, items: file.items };
  const problems = new Problems();
  const header = step.schema.safeParse({
    ...file,
    shortlists: Array.isArray(arrays.shortlists) ? [] : arrays.shortlists,
    items: Array.isArray(arrays.items) ? [] : arrays.items,
  });
  if (!header.success) problems.addIssues(header.error.issues, raw);
  const out: Record<'shortlists' | 'items', unknown[]> = { shortlists: [], items: [] };
  for (const key of ['shortlists', 'items'] as const) {
    const records = arrays[key];
    if (!Array.isArray(records)) continue;
    const schema = step.records[key];
    for (let i = 0; i < records.length; i++) {
      const r = schema.safeParse(records[i]);
      if (r.success) out[key].push(r.data);
      // Once the list is full, a bad record only counts as one more problem: reading `r.error` builds a
      // ZodError (with a stack trace), which would make a file of 150,000 bad items take seconds.
      else if (problems.full) problems.count();
      else problems.addIssues(r.error.issues, raw, [key, i]);
    }
  }
  if (!header.success || !problems.empty) return { ok: false, errors: problems.lines() };
  return { ok: true, data: { ...(header.data as object), ...out } };
}

/** Ids unique, every item on a list that is in the file, no web address with a user name or password. */
function checkReferences(shortlists: readonly Shortlist[], items: readonly ShortlistItem[]): string[] {
  const errors = new Problems();
  const file = { shortlists, items };
  items.forEach((item, i) => {
    // `https://mindbloom.com@evil.example/` reads as mindbloom.com but goes to evil.example.
    const urls: [string, string | null | undefined][] = [
      ['snapshot', item.snapshot.website],
      ['custom', item.custom?.website],
    ];
    for (const [where, url] of urls) {
      if (url && hasUserinfo(url)) {
        errors.add(`${describePath(['items', i, where, 'website'], file)}: ${USERINFO_MESSAGE}`);
      }
    }
  });
  const listIds = new Set<string>();
  shortlists.forEach((s, i) => {
    if (listIds.has(s.id)) errors.add(`${describePath(['shortlists', i, 'id'], file)}: another list in the file has the same id`);
    listIds.add(s.id);
  });
  const itemIds = new Set<string>();
  items.forEach((item, i) => {
    if (itemIds.has(item.id)) errors.add(`${describePath(['items', i, 'id'], file)}: another clinic in the file has the same id`);
    itemIds.add(item.id);
    if (!listIds.has(item.shortlistId)) {
      errors.add(`${describePath(['items', i, 'shortlistId'], file)}: no list with this id is in the file`);
    }
  });
  return errors.lines();
}
