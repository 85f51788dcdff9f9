// Turns zod issues into sentences that name the list or clinic and the field:
// 'items[3] (Mindbloom).notes: expected text, found a number'.
import type { z } from '../zod';

type Issue = z.core.$ZodIssue;

/** At most this many problems are listed; the rest are counted. */
export const MAX_LISTED_ERRORS = 50;

export function describeIssues(issues: readonly Issue[], raw: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const line = `${describePath(issue.path, raw)}: ${issueMessage(issue, valueAt(raw, issue.path))}`;
    if (!seen.has(line)) {
      seen.add(line);
      out.push(line);
    }
  }
  if (out.length > MAX_LISTED_ERRORS) {
    const more = out.length - MAX_LISTED_ERRORS;
    return [...out.slice(0, MAX_LISTED_ERRORS), `…and ${more} more problem${more === 1 ? '' : 's'}.`];
  }
  return out;
}

/** "items[3] (Mindbloom).answers.ask-about-staff.text"; "(file)" for the top level. */
export function describePath(path: readonly PropertyKey[], raw: unknown): string {
  let out = '';
  let value: unknown = raw;
  path.forEach((key, depth) => {
    const child = child_(value, key);
    if (typeof key === 'number') {
      out += `[${key}]`;
      const parent = depth === 1 ? path[0] : undefined;
      const label = parent === 'items' ? itemLabel(child) : parent === 'shortlists' ? listLabel(child) : null;
      if (label) out += ` (${label})`;
    } else {
      const k = String(key).length > 40 ? `${String(key).slice(0, 39)}…` : String(key);
      const plain = /^[A-Za-z_$][\w$-]*…?$/.test(k);
      out += plain ? (out === '' ? k : `.${k}`) : `[${JSON.stringify(k)}]`;
    }
    value = child;
  });
  return out === '' ? '(file)' : out;
}

export function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) value = child_(value, key);
  return value;
}

function child_(value: unknown, key: PropertyKey): unknown {
  if (value === null || typeof value !== 'object' || typeof key === 'symbol') return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
}

function shortLabel(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const clean = s.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, ' ').trim();
  if (!clean) return null;
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

function itemLabel(item: unknown): string | null {
  const custom = child_(item, 'custom');
  return shortLabel(child_(custom, 'name')) ?? shortLabel(child_(child_(item, 'snapshot'), 'name'));
}

function listLabel(list: unknown): string | null {
  return shortLabel(child_(list, 'name'));
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function found(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return 'an object';
}

function issueMessage(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `missing (expected ${TYPE_NAMES[issue.expected] ?? issue.expected})`;
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, found ${found(value)}`;
    case 'too_big':
      if (issue.origin === 'string') return `too long (at most ${issue.maximum} characters)`;
      if (issue.origin === 'array') return `too many entries (at most ${issue.maximum})`;
      return `must be at most ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `too short (at least ${issue.minimum} characters)`;
      if (issue.origin === 'array') return `needs at least ${issue.minimum} entries`;
      return issue.inclusive === false ? `must be more than ${issue.minimum}` : `must be at least ${issue.minimum}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'datetime') return 'expected a date and time like 2026-05-01T12:00:00.000Z';
      return issue.message;
    case 'unrecognized_keys':
      return `unexpected field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_key':
      return `key ${issue.issues.map((i) => issueMessage(i, undefined)).join('; ')}`;
    case 'invalid_union':
      return 'not in any accepted form';
    default:
      return issue.message;
  }
}
