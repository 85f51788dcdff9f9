// Test helper: builds a happy-dom Document from HTML at a given URL, runs the injected reader on it the
// way executeScript would (from its source text, so a reference to anything outside the function
// fails here), then parses the result.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { parseReaderOutput, type Extraction } from '../../../lib/extract/parse';
import { readPage, type ReaderOutput } from '../../../lib/extract/reader';

export const READ_AT = Date.UTC(2026, 2, 14, 15, 30);

/** readPage rebuilt from its source text alone, as scripting.executeScript does. */
export const isolatedReadPage = new Function(`return (${readPage.toString()});`)() as typeof readPage;

export const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'pages');

export function fixture(name: string): string {
  return readFileSync(join(PAGES_DIR, name), 'utf8');
}

/** happy-dom is far slower than a browser: correctness tests give the reader a wide time budget. */
export const GENEROUS_MS = 30_000;

export function withDocument<T>(html: string, url: string, fn: (doc: Document) => T): T {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true, disableIframePageLoading: true } });
  try {
    window.document.write(html);
    return fn(window.document as unknown as Document);
  } finally {
    void window.happyDOM.close();
  }
}

export function read(html: string, url: string, timeMs = GENEROUS_MS): ReaderOutput {
  return withDocument(html, url, (doc) => isolatedReadPage(doc, timeMs));
}

export function extract(html: string, url: string, timeMs = GENEROUS_MS): Extraction {
  const result = parseReaderOutput(read(html, url, timeMs), READ_AT);
  if (!result.ok) throw new Error(`parse failed: ${result.reason}`);
  return result.extraction;
}

/** The values of a clinic, without provenance, for compact assertions. */
export function values(c: Extraction['clinic']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (k !== 'type') out[k] = v && typeof v === 'object' && 'value' in v ? v.value : v;
  return out;
}

/** field → where it was read. */
export function sources(c: Extraction['clinic']): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(c)) if (k !== 'type') out[k] = v && typeof v === 'object' && 'source' in v ? v.source : null;
  return out;
}
