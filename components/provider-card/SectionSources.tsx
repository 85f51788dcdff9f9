/**
 * One "Sources (n)" toggle per card section: the sources of every fact in the section, grouped by the fact
 * they back, behind a button with aria-expanded (closed by default), instead of source chips under each line.
 *
 *   SectionSources({ groups, today })
 *
 *   groups  { label, sources }[]   label: the fact ("Insurance", "Per session: IV infusion"); empty groups are left out.
 *
 * n counts distinct source addresses. With no source at all it says so plainly.
 */
import { useId, useState } from 'preact/hooks';
import type { Source } from '@/lib/dataset/schema';
import { SourceRefs } from '@/components/common/SourceRefs';

export interface SourceGroup {
  label: string;
  sources: readonly Source[];
}

export function SectionSources({ groups, today }: { groups: readonly SourceGroup[]; today: Date }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const used = groups.filter((g) => g.sources.length > 0);
  const count = new Set(used.flatMap((g) => g.sources.map((s) => s.url))).size;
  if (count === 0) return <p class="section-sources section-sources--none">No source found for this section.</p>;
  return (
    <div class="section-sources">
      <button type="button" class="section-sources__toggle" aria-expanded={open ? 'true' : 'false'} aria-controls={id} onClick={() => setOpen(!open)}>
        Sources ({count})
      </button>
      <ul class="section-sources__list" id={id} hidden={!open}>
        {used.map((g, i) => (
          <li key={i}>
            <span class="section-sources__label">{g.label}</span>
            <SourceRefs sources={g.sources} today={today} />
          </li>
        ))}
      </ul>
    </div>
  );
}
