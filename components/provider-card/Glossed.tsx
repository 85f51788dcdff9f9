/**
 * A text with its jargon explained in place: each glossary term (lib/format/glossary.ts) it mentions becomes
 * a small toggle button (aria-expanded) that opens a short plain-language explanation right after it.
 *
 *   Glossed({ text, skip? })
 *
 *   text   any text from the data or the card.
 *   skip   glossary ids not to mark (already explained nearby).
 *
 * Each term is marked at its first occurrence in the text; the rest reads as written.
 */
import { useId, useState } from 'preact/hooks';
import { glossarySegments, type GlossaryEntry } from '@/lib/format/glossary';

function Term({ text, entry }: { text: string; entry: GlossaryEntry }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        class="gloss"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={id}
        title={open ? undefined : `What is ${entry.term}?`}
        onClick={() => setOpen(!open)}
      >
        {text}
      </button>
      <span id={id} class="gloss__text" hidden={!open}>
        {' '}
        ({entry.term}: {entry.text})
      </span>
    </>
  );
}

export function Glossed({ text, skip }: { text: string; skip?: ReadonlySet<string> }) {
  const segments = glossarySegments(text, skip);
  if (segments.length === 1 && !segments[0]?.term) return <>{text}</>;
  return (
    <>
      {segments.map((s, i) => (s.term ? <Term key={i} text={s.text} entry={s.term} /> : s.text))}
    </>
  );
}
