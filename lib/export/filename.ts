// Download file names: clinic-scout-<list-or-all>-YYYY-MM-DD.<ext>, ASCII letters, digits and hyphens only.

export type ExportExtension = 'csv' | 'json' | 'md';

/** YYYY-MM-DD of `date` in the user's local time zone. */
export function localDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** "Dr. Müller's list (2026)!" → "dr-muller-s-list-2026"; "list" when nothing usable is left (e.g. an all-emoji name). */
export function slug(name: string, maxLength = 40): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return s || 'list';
}

/** `listName` null (or omitted) for an export of all lists. */
export function exportFileName(ext: ExportExtension, date: Date, listName?: string | null): string {
  return `clinic-scout-${listName == null ? 'all' : slug(listName)}-${localDate(date)}.${ext}`;
}
