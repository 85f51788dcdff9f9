// The injected reader. `readPage` is passed to scripting.executeScript({ func: readPage }), which
// serialises its source text: it must stay ONE self-contained function — no imports, no outer
// variables, no helpers defined elsewhere (tests/unit/extract/reader.test.ts runs it from its source
// text to keep it so). It runs once, in the page's isolated world, touches no extension API or storage,
// and returns plain, structured-clonable data that lib/extract/parse.ts validates before any use.
//
// It is bounded: it stops doing work after READER_LIMITS.timeMs (checked with performance.now()) and
// caps what it collects; `truncated` says which limit was hit.

/** The limits the reader applies (duplicated as literals inside readPage, which cannot import them). */
export const READER_LIMITS = {
  timeMs: 200,
  scriptsExamined: 5000,
  jsonLdBlocks: 50,
  jsonLdBytes: 100_000,
  microdataItems: 20,
  microdataProps: 100,
  microdataValue: 1000,
  textChars: 200_000,
  snippets: 50,
  snippetChars: 400,
  telLinks: 20,
  telChars: 100,
  titleChars: 300,
  hrefChars: 2000,
} as const;

export interface ReaderMicrodataItem {
  /** The itemtype attribute as written (may hold several space-separated types). */
  type: string;
  /** [itemprop, value] in document order; nested item properties are prefixed ("address.postalCode"). */
  props: Array<[string, string]>;
}

export interface ReaderOutput {
  version: 1;
  href: string;
  hostname: string;
  title: string;
  ogSiteName: string | null;
  /** Raw text of application/ld+json scripts, each at most jsonLdBytes long (longer ones are skipped). */
  jsonLd: string[];
  microdata: ReaderMicrodataItem[];
  /** href attributes of tel: links, as written. */
  telLinks: string[];
  /** Lines of visible text that contain a $ amount, each at most snippetChars long. */
  snippets: string[];
  truncated: { time: boolean; jsonLd: boolean; microdata: boolean; text: boolean };
  elapsedMs: number;
}

/**
 * Reads the page once. `doc` and `timeMs` are for tests (a happy-dom Document, which is far slower
 * than a browser, and a wider time budget); executeScript passes no arguments, so in the browser it
 * reads the global `document` within 200 ms.
 */
export function readPage(doc?: Document, timeMs?: number): ReaderOutput {
  const d: Document = doc || document;
  const perf = typeof performance !== 'undefined' ? performance : { now: () => Date.now() };
  const start = perf.now();
  const TIME_MS = typeof timeMs === 'number' && timeMs > 0 ? timeMs : 200;
  const truncated = { time: false, jsonLd: false, microdata: false, text: false };
  const outOfTime = (): boolean => {
    if (truncated.time) return true;
    if (perf.now() - start > TIME_MS) truncated.time = true;
    return truncated.time;
  };
  const str = (v: unknown, max: number): string => (typeof v === 'string' ? v : v == null ? '' : String(v)).slice(0, max);

  let href = '';
  let hostname = '';
  try {
    const loc = d.location;
    href = str(loc ? loc.href : d.URL, 2000);
    hostname = str(loc ? loc.hostname : '', 253);
  } catch {
    /* a detached or odd document: leave empty */
  }

  let title = '';
  try {
    title = str(d.title, 300);
  } catch {
    /* ignore */
  }

  let ogSiteName: string | null = null;
  try {
    const og = d.querySelector('meta[property="og:site_name"]');
    const content = og ? og.getAttribute('content') : null;
    if (content) ogSiteName = str(content, 300);
  } catch {
    /* ignore */
  }

  // JSON-LD: scripts are visited lazily (live collection), so 10,000 of them cost only what is read.
  const jsonLd: string[] = [];
  try {
    const scripts = d.getElementsByTagName('script');
    const n = Math.min(scripts.length, 5000);
    if (scripts.length > 5000) truncated.jsonLd = true;
    for (let i = 0; i < n; i++) {
      if ((i & 31) === 0 && outOfTime()) break;
      const s = scripts[i];
      if (!s) continue;
      const type = (s.getAttribute('type') || '').trim().toLowerCase();
      if (type !== 'application/ld+json' && !type.startsWith('application/ld+json;')) continue;
      if (jsonLd.length >= 50) {
        truncated.jsonLd = true;
        break;
      }
      const text = s.textContent || '';
      if (text.length > 100_000) {
        truncated.jsonLd = true;
        continue;
      }
      jsonLd.push(text);
    }
  } catch {
    /* ignore */
  }

  // Microdata: top-level items (an itemscope that is not itself a property), one level of nesting.
  const microdata: Array<{ type: string; props: Array<[string, string]> }> = [];
  try {
    if (!outOfTime()) {
      const scopes = d.querySelectorAll('[itemscope]');
      const propValue = (el: Element): string => {
        const tag = el.tagName.toUpperCase();
        let v: string | null = null;
        if (el.hasAttribute('content')) v = el.getAttribute('content');
        else if (tag === 'A' || tag === 'LINK' || tag === 'AREA') v = el.getAttribute('href');
        else if (tag === 'IMG' || tag === 'AUDIO' || tag === 'VIDEO' || tag === 'SOURCE' || tag === 'IFRAME' || tag === 'EMBED') v = el.getAttribute('src');
        else if (tag === 'OBJECT') v = el.getAttribute('data');
        else if (tag === 'TIME' && el.hasAttribute('datetime')) v = el.getAttribute('datetime');
        else if (tag === 'DATA' || tag === 'METER') v = el.getAttribute('value');
        else if (el.querySelector('script, style, template, noscript')) {
          // The text a reader sees, not the code inside it.
          const copy = el.cloneNode(true) as Element;
          const code = copy.querySelectorAll('script, style, template, noscript');
          for (let k = 0; k < code.length; k++) code[k]!.remove();
          v = copy.textContent;
        } else v = el.textContent;
        return str(v, 1000);
      };
      for (let i = 0; i < scopes.length; i++) {
        if (outOfTime()) break;
        const item = scopes[i];
        if (!item || item.hasAttribute('itemprop')) continue;
        if (microdata.length >= 20) {
          truncated.microdata = true;
          break;
        }
        const props: Array<[string, string]> = [];
        const els = item.querySelectorAll('[itemprop]');
        for (let j = 0; j < els.length; j++) {
          if (props.length >= 100) {
            truncated.microdata = true;
            break;
          }
          const el = els[j];
          if (!el) continue;
          const name = str(el.getAttribute('itemprop'), 100).trim();
          if (!name) continue;
          const owner = el.parentElement ? el.parentElement.closest('[itemscope]') : null;
          if (owner === item) {
            // A nested item's own entry is recorded through its properties below.
            if (!el.hasAttribute('itemscope')) props.push([name, propValue(el)]);
          } else if (owner && owner.hasAttribute('itemprop')) {
            const ownerOwner: Element | null = owner.parentElement ? owner.parentElement.closest('[itemscope]') : null;
            if (ownerOwner === item && !el.hasAttribute('itemscope')) {
              props.push([str(owner.getAttribute('itemprop'), 100).trim() + '.' + name, propValue(el)]);
            }
          }
        }
        microdata.push({ type: str(item.getAttribute('itemtype'), 300), props });
      }
    }
  } catch {
    /* ignore */
  }

  const telLinks: string[] = [];
  try {
    if (!outOfTime()) {
      const links = d.querySelectorAll('a[href^="tel:"], a[href^="TEL:"], a[href^="Tel:"]');
      for (let i = 0; i < links.length && telLinks.length < 20; i++) {
        const h = links[i] ? links[i]!.getAttribute('href') : null;
        if (h) telLinks.push(str(h, 100));
      }
    }
  } catch {
    /* ignore */
  }

  // Visible text: a TreeWalker over the body (not innerText, which lays out the whole page first),
  // skipping scripts, styles and hidden subtrees, stopping at the text or time limit. Block elements
  // start a new line so a price stays with its own line.
  const snippets: string[] = [];
  try {
    const body = d.body;
    if (body && !outOfTime()) {
      const SKIP: Record<string, 1> = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEMPLATE: 1, SVG: 1, IFRAME: 1, OBJECT: 1, CANVAS: 1, SELECT: 1, TEXTAREA: 1 };
      const BLOCK: Record<string, 1> = {
        P: 1, DIV: 1, LI: 1, TR: 1, CAPTION: 1, H1: 1, H2: 1, H3: 1, H4: 1, H5: 1, H6: 1, BR: 1, SECTION: 1, ARTICLE: 1,
        DT: 1, DD: 1, TABLE: 1, UL: 1, OL: 1, DL: 1, HEADER: 1, FOOTER: 1, BLOCKQUOTE: 1, MAIN: 1, ASIDE: 1, NAV: 1, FIGCAPTION: 1, ADDRESS: 1, HR: 1, PRE: 1, FORM: 1, BUTTON: 1,
      };
      const walker = d.createTreeWalker(body, 0x1 | 0x4, {
        acceptNode(node: Node): number {
          if (node.nodeType === 1) {
            const el = node as Element;
            if (SKIP[el.tagName.toUpperCase()] || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return 2; // FILTER_REJECT: skip the subtree
          }
          return 1;
        },
      });
      const parts: string[] = [];
      let size = 0;
      let count = 0;
      let node: Node | null = walker.nextNode();
      while (node) {
        if ((++count & 255) === 0 && outOfTime()) break;
        if (node.nodeType === 3) {
          const t = (node as Text).data;
          const prev = node.previousSibling;
          // Text right after a block (…</ul>text) starts a new line too.
          if (prev && prev.nodeType === 1 && BLOCK[(prev as Element).tagName.toUpperCase()]) parts.push('\n');
          parts.push(t);
          size += t.length;
        } else {
          const tag = (node as Element).tagName.toUpperCase();
          // A new line per block; table cells of one row stay on one line ("Infusion | $450").
          if (BLOCK[tag]) parts.push('\n');
          else if ((tag === 'TD' || tag === 'TH') && (node as Element).previousElementSibling) parts.push(' | ');
          size += 1;
        }
        if (size >= 200_000) {
          truncated.text = true;
          break;
        }
        node = walker.nextNode();
      }
      const text = parts.join('').slice(0, 200_000);
      const lines = text.split('\n');
      const seen: Record<string, 1> = Object.create(null);
      for (let i = 0; i < lines.length; i++) {
        if ((i & 255) === 0 && outOfTime()) break;
        const line = (lines[i] || '').replace(/\s+/g, ' ').trim();
        if (line.length <= 400) {
          if (!/\$\s?\d/.test(line) || seen[line]) continue;
          seen[line] = 1;
          if (snippets.length >= 50) {
            truncated.text = true;
            break;
          }
          snippets.push(line);
          continue;
        }
        // A long line: a window around each amount not already inside the previous window.
        const re = /\$\s?\d/g;
        let m: RegExpExecArray | null;
        let coveredTo = -1;
        while ((m = re.exec(line))) {
          if (m.index < coveredTo) continue;
          const from = Math.max(0, Math.min(m.index - 200, line.length - 400));
          const snippet = line.slice(from, from + 400);
          coveredTo = from + 380;
          if (seen[snippet]) continue;
          seen[snippet] = 1;
          if (snippets.length >= 50) {
            truncated.text = true;
            break;
          }
          snippets.push(snippet);
        }
        if (snippets.length >= 50) break;
      }
    }
  } catch {
    /* ignore */
  }

  return {
    version: 1,
    href,
    hostname,
    title,
    ogSiteName,
    jsonLd,
    microdata,
    telLinks,
    snippets,
    truncated,
    elapsedMs: Math.round(perf.now() - start),
  };
}
