// Reads a JSON export (any version ever written) into records of the current model. Pure: nothing is
// written; the caller previews the result with planImport and writes it in one transaction.
import type { Shortlist, ShortlistItem } from '../shortlist/schema';
import { CURRENT_VERSION, CurrentFile, FORMAT_NAME, VERSIONS } from './json-format';
import { describeIssues, describePath } from './issues';
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

  const parsed = VERSIONS[first]!.schema.safeParse(raw);
  if (!parsed.success) return fail(...describeIssues(parsed.error.issues, raw));

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

/** Ids unique, every item on a list that is in the file, no web address with a user name or password. */
function checkReferences(shortlists: readonly Shortlist[], items: readonly ShortlistItem[]): string[] {
  const errors: string[] = [];
  const file = { shortlists, items };
  items.forEach((item, i) => {
    // `https://mindbloom.com@evil.example/` reads as mindbloom.com but goes to evil.example.
    const urls: [string, string | null | undefined][] = [
      ['snapshot', item.snapshot.website],
      ['custom', item.custom?.website],
    ];
    for (const [where, url] of urls) {
      if (url && hasUserinfo(url)) {
        errors.push(`${describePath(['items', i, where, 'website'], file)}: ${USERINFO_MESSAGE}`);
      }
    }
  });
  const listIds = new Set<string>();
  shortlists.forEach((s, i) => {
    if (listIds.has(s.id)) errors.push(`${describePath(['shortlists', i, 'id'], file)}: another list in the file has the same id`);
    listIds.add(s.id);
  });
  const itemIds = new Set<string>();
  items.forEach((item, i) => {
    if (itemIds.has(item.id)) errors.push(`${describePath(['items', i, 'id'], file)}: another clinic in the file has the same id`);
    itemIds.add(item.id);
    if (!listIds.has(item.shortlistId)) {
      errors.push(`${describePath(['items', i, 'shortlistId'], file)}: no list with this id is in the file`);
    }
  });
  return errors.length > 50 ? [...errors.slice(0, 50), `…and ${errors.length - 50} more problems.`] : errors;
}
