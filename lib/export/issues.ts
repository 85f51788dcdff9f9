// Turns zod issues into sentences that name the list or clinic and the field:
// 'items[3] (Mindbloom).notes: expected text, found a number'.
import type { z } from '../zod';

type Issue = z.core.$ZodIssue;

/** At most this many problems are listed; the rest are counted ("…and N more problems."). */
export const MAX_LISTED_ERRORS = 20;

/**
 * Collects problems in bounded memory: the first MAX_LISTED_ERRORS distinct sentences are kept, the
 * rest only counted. Never spreads or sorts the whole set, so 150,000 problems cost a counter.
 */
export class Problems {
  readonly #lines: string[] = [];
  readonly #seen = new Set<string>();
  #more = 0;

  add(line: string): void {
    if (this.#seen.has(line)) return;
    if (this.#lines.length < MAX_LISTED_ERRORS) {
      this.#lines.push(line);
      this.#seen.add(line);
    } else this.#more++;
  }

  /** Adds each zod issue, its path taken under `prefix` within `raw`. */
  addIssues(issues: readonly Issue[], raw: unknown, prefix: readonly PropertyKey[] = []): void {
    for (const issue of issues) {
      if (this.full && this.#more > 0) {
        this.#more++; // describing it would only be thrown away
        continue;
      }
      const path = prefix.length ? [...prefix, ...issue.path] : issue.path;
      this.add(`${describePath(path, raw)}: ${issueMessage(issue, valueAt(raw, path))}`);
    }
  }

  /** One more problem, not described (the list is full). */
  count(): void {
    this.#more++;
  }

  get full(): boolean {
    return this.#lines.length >= MAX_LISTED_ERRORS;
  }

  get empty(): boolean {
    return this.#lines.length === 0;
  }

  /** The listed sentences, then "…and N more problems." when some were only counted. */
  lines(): string[] {
    const more = this.#more;
    return more > 0 ? [...this.#lines, `…and ${more} more problem${more === 1 ? '' : 's'}.`] : [...this.#lines];
  }
}

export function describeIssues(issues: readonly Issue[], raw: unknown): string[] {
  const problems = new Problems();
  problems.addIssues(issues, raw);
  return problems.lines();
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
