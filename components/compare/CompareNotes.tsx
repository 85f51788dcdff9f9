import type { CompareNote } from '@/lib/compare/notes';
import { ESTIMATE_CAPTION } from '@/lib/format/money';
import { Section } from '@/components/common/Section';
import { SourceRefs } from '@/components/common/SourceRefs';

/** Neutral notes derived from the compared records, each with its sources. */
export function CompareNotes({ notes, today }: { notes: readonly CompareNote[]; today: Date }) {
  if (notes.length === 0) return null;
  return (
    <Section title="Worth knowing when comparing" id="cmp-notes">
      <p class="fact__note">
        Taken from the records compared and Clinic Scout’s general information — not advice. Each note shows its
        sources.
      </p>
      <ul class="plain-list cmp-notes">
        {notes.map((n) => (
          <li key={n.id} class="cmp-note">
            {n.origin === 'provider' && (
              <>
                <span class={`tag tag--${n.tone === 'strength' ? 'ok' : 'warn'}`}>{n.tone === 'strength' ? 'Strength' : 'Consider'}</span>{' '}
                <strong>{n.providerName}:</strong>{' '}
              </>
            )}
            {n.text}
            {n.origin === 'general' && <span class="cmp-note__origin"> (includes Clinic Scout’s general information)</span>}
            {n.estimate && <span class="cmp-note__estimate"> {ESTIMATE_CAPTION}</span>}
            <SourceRefs sources={n.sources} today={today} />
          </li>
        ))}
      </ul>
    </Section>
  );
}
