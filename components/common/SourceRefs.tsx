import type { Source } from '@/lib/dataset/schema';
import { formatDate, isOlderThanAYear, newestDate } from '@/lib/format/dates';
import { safeHref, siteName } from '@/lib/format/links';

interface Props {
  sources: readonly Source[];
  today: Date;
  /** Shown before the list; "Source" reads better than "Sources" for one. */
  label?: string;
}

/** Every fact on the card carries these: where it came from, when, and how much to trust it. */
export function SourceRefs({ sources, today, label }: Props) {
  if (sources.length === 0) return <p class="sources sources--none">No source found</p>;
  return (
    <p class="sources">
      <span class="sources__label">{label ?? (sources.length === 1 ? 'Source' : 'Sources')}: </span>
      {sources.map((s, i) => (
        <span class="source" key={`${s.url}-${i}`}>
          <a href={safeHref(s.url)} target="_blank" rel="noopener noreferrer">
            {s.title ?? siteName(s.url)}
          </a>
          {', '}
          {formatDate(s.date)}
          {/* The marks and the separator stay together, so a wrapped line never starts with ";". */}
          <span class="source__end">
            {s.thirdParty && <span class="tag tag--muted"> third-party</span>}
            {s.uncertain && <span class="tag tag--warn"> uncertain</span>}
            {i < sources.length - 1 && ';'}
          </span>
          {i < sources.length - 1 && ' '}
        </span>
      ))}
      {/* One mark per fact: judged by its newest dated source. */}
      {isOlderThanAYear(newestDate(sources.map((s) => s.date)), today) && (
        <span class="tag tag--muted"> over 12 months old</span>
      )}
    </p>
  );
}
