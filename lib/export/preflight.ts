// Cheap checks run on the raw text before JSON.parse, and on the parsed value before zod: each turns a
// wrong or hostile file into one plain sentence instead of a crash, a hang or a polluted object.

/** Largest file parseImport accepts. A real export is far smaller (10,000 clinics with notes ≈ 10 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Deepest nesting accepted; a valid export nests 5 levels. */
export const MAX_DEPTH = 64;
/** Keys rejected anywhere in the file. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const MESSAGES = {
  tooLarge: 'This file is too large to import (over 20 MB). A Clinic Scout export is much smaller — check that you chose the right file.',
  empty: 'The file is empty. Choose the .json file you exported from Clinic Scout.',
  image: 'This looks like an image, not a Clinic Scout export. Choose the .json file you exported from Clinic Scout.',
  pdf: 'This looks like a PDF, not a Clinic Scout export. Choose the .json file you exported from Clinic Scout.',
  zip: 'This looks like a ZIP or Excel/Word file, not a Clinic Scout export. Choose the .json file you exported from Clinic Scout.',
  binary: 'This looks like a binary file, not a Clinic Scout export. Choose the .json file you exported from Clinic Scout.',
  csv:
    'This looks like a CSV file (the spreadsheet export), not a Clinic Scout backup. Only the .json export can be imported; ' +
    'CSV and Markdown exports are for reading and sharing.',
  markdown:
    'This looks like the Markdown summary, not a Clinic Scout backup. Only the .json export can be imported; ' +
    'CSV and Markdown exports are for reading and sharing.',
  utf16: 'This file was saved as UTF-16 text, which is not how Clinic Scout exports. Save it as UTF-8 (or export it again), then import it.',
  html: 'This looks like a web page (HTML), not a Clinic Scout export. Choose the .json file you exported from Clinic Scout.',
  notJson: 'This is not a JSON file, so it is not a Clinic Scout export. Choose the .json file you exported from Clinic Scout.',
  tooDeep: `The file is nested more than ${MAX_DEPTH} levels deep, which a Clinic Scout export never is. Nothing was imported.`,
  invalidJson: (detail: string) => `The file is not valid JSON — it may be damaged or cut short (${detail}). Nothing was imported.`,
  forbiddenKey: (key: string, where: string) =>
    `The file contains a field named "${key}"${where ? ` in ${where}` : ''}, which Clinic Scout never writes and does not accept ` +
    '(it can be used to tamper with programs). Nothing was imported.',
  notOurs: 'This JSON file is not a Clinic Scout shortlist export (its "format" field is missing or different). Nothing was imported.',
  noVersion: 'This Clinic Scout export has no valid "version" field, so it cannot be read. Nothing was imported.',
  newer: (version: number, supported: number) =>
    `This file was made by a newer Clinic Scout (export format version ${version}); this version reads up to version ${supported}. ` +
    'Update Clinic Scout, then import it again. Nothing was imported.',
  unknownVersion: (version: string) => `This file has an unknown export format version (${version}). Nothing was imported.`,
} as const;

/** For the UI to call with File.size before reading the file at all; null when acceptable. */
export function checkImportFileSize(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES ? MESSAGES.tooLarge : null;
}

/**
 * Recognises files that are obviously not JSON from their first characters. `text` is what File.text()
 * gives (UTF-8 decoded, so non-UTF-8 bytes such as PNG's 0x89 arrive as U+FFFD). Null when it may be JSON.
 */
export function sniffNonJson(text: string): string | null {
  const head = text.slice(0, 1024);
  if (/^(\uFFFD\uFFFD|\u00FF\u00FE|\u00FE\u00FF)(\u0000[{[\s]|[{[\s]\u0000)/.test(head)) return MESSAGES.utf16;
  if (/^[\uFFFD\u0089]PNG/.test(head) || /^GIF8[79]a/.test(head) || /^RIFF[\s\S]{4}WEBP/.test(head)) return MESSAGES.image;
  if (/^(\uFFFD\uFFFD\uFFFD|\u00FF\u00D8\u00FF)/.test(head) || /^[\s\S]{4}ftyp(heic|heix|avif|mif1)/.test(head)) return MESSAGES.image;
  if (head.startsWith('%PDF-')) return MESSAGES.pdf;
  if (head.startsWith('PK\u0003\u0004')) return MESSAGES.zip;
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(head)) return MESSAGES.binary;

  const first = head.trimStart()[0];
  if (first === undefined) return MESSAGES.empty;
  if (first === '{' || first === '[') return null;
  if (first === '<') return MESSAGES.html;
  if (first === '#' || head.trimStart().startsWith('> ')) return MESSAGES.markdown;
  const firstLine = head.trimStart().split(/\r?\n/, 1)[0] ?? '';
  if (/[,;\t]/.test(firstLine)) return MESSAGES.csv;
  return MESSAGES.notJson;
}

/**
 * True when brackets nest deeper than `limit` anywhere outside strings. One linear pass, no recursion, so a
 * 10,000-deep file is refused before JSON.parse or any recursive validator could overflow the stack.
 */
export function nestsDeeperThan(text: string, limit: number = MAX_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

/**
 * The path of the first forbidden key in a parsed JSON value, or null. Iterative; JSON.parse makes
 * "__proto__" an ordinary own property, so it is found here before any code copies it.
 */
export function findForbiddenKey(value: unknown): { key: string; path: (string | number)[] } | null {
  interface Node {
    value: unknown;
    key: string | number;
    parent: Node | null;
  }
  const pathOf = (n: Node | null): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let p = n; p && p.parent; p = p.parent) path.unshift(p.key);
    return path;
  };
  const stack: Node[] = [{ value, key: '', parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const v = node.value;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: node });
      continue;
    }
    const keys = Object.keys(v);
    for (const key of keys) if (FORBIDDEN_KEYS.has(key)) return { key, path: pathOf(node) };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({ value: (v as Record<string, unknown>)[key], key, parent: node });
    }
  }
  return null;
}
