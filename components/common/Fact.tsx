import type { ComponentChildren } from 'preact';
import type { Source } from '@/lib/dataset/schema';
import { SourceRefs } from './SourceRefs';

interface Props {
  label: string;
  children: ComponentChildren;
  sources?: readonly Source[];
  note?: string;
  today: Date;
}

/** One labelled fact with its note and sources. */
export function Fact({ label, children, sources, note, today }: Props) {
  return (
    <div class="fact">
      <dt class="fact__label">{label}</dt>
      <dd class="fact__value">
        {children}
        {note && <p class="fact__note">{note}</p>}
        {sources && <SourceRefs sources={sources} today={today} />}
      </dd>
    </div>
  );
}
