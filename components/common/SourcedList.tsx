import type { ComponentChildren } from 'preact';
import type { SourcedText } from '@/lib/dataset/provenance';
import type { Source } from '@/lib/dataset/schema';
import { SourceRefs } from './SourceRefs';

/** A SourcedText (lib/dataset/provenance.ts) as the list shows it. */
export interface SourcedItem extends Readonly<Omit<SourcedText, 'sources'>> {
  sources: readonly Source[];
  /** Shown before the text, e.g. a "Strength" tag. */
  lead?: ComponentChildren;
}

/** A list of statements, each followed by its sources. */
export function SourcedList({ items, today, class: extra }: { items: readonly SourcedItem[]; today: Date; class?: string }) {
  return (
    <ul class={`plain-list${extra ? ` ${extra}` : ''}`}>
      {items.map((item, i) => (
        <li key={i}>
          {item.lead}
          {item.text}
          <SourceRefs sources={item.sources} today={today} />
        </li>
      ))}
    </ul>
  );
}
