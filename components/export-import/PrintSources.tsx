import type { Source } from '@/lib/dataset/schema';
import { formatDate } from '@/lib/format/dates';
import { safeHref, siteName } from '@/lib/format/links';

/** A printed clinic's sources, with their addresses written out so they survive on paper. */
export function PrintSources({ sources }: { sources: readonly Source[] }) {
  return (
    <div class="print-sources">
      <h5>Sources</h5>
      <ol>
        {sources.map((s) => {
          const href = safeHref(s.url);
          return (
            <li key={s.url}>
              {href ? <a href={href}>{s.title ?? siteName(s.url)}</a> : (s.title ?? siteName(s.url))}
              {s.date ? `, ${formatDate(s.date)}` : ''}
              {s.thirdParty ? ' (third party)' : ''}
              <span class="print-sources__url"> — {s.url}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
