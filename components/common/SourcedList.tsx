import type { ComponentChildren } from 'preact';
import type { Source } from '@/lib/dataset/schema';
import { SourceRefs } from './SourceRefs';

export interface SourcedItem {
  text: string;
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
