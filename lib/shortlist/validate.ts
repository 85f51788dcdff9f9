import type { z } from '../zod';
import { StorageError } from './errors';

/** "items[3].snapshot.website" from ['snapshot', 'website'] with prefix "items[3]". */
export function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(record)' : out;
}

/**
 * Parses `value` with `schema`; on failure throws StorageError('invalid') naming the first bad field.
 * Returns zod's output (unknown keys stripped, names trimmed): that is what gets written.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = fieldPath(prefix, issue?.path ?? []);
  const reason = issue?.message ?? 'invalid value';
  throw new StorageError('invalid', {
    field,
    message: `This couldn't be saved because “${field}” isn't valid (${reason}). Nothing was changed.`,
    detail: result.error.issues.map((i) => `${fieldPath(prefix, i.path)}: ${i.message}`).join('; '),
    cause: result.error,
  });
}

export function notFound(what: 'shortlist' | 'item', id: string): StorageError {
  return new StorageError('invalid', {
    field: 'id',
    message:
      what === 'shortlist'
        ? 'That shortlist no longer exists (it may have been removed in another window). Nothing was changed.'
        : 'That clinic is no longer on your shortlist (it may have been removed in another window). Nothing was changed.',
    detail: `${what} ${id} not found`,
  });
}
