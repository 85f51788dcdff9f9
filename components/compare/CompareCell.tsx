import type { CompareCell as Cell } from '@/lib/compare/rows';
import { safeHref } from '@/lib/format/links';
import { Unknown } from '@/components/common/Unknown';

function Line({ text, detail, url, unknown }: { text: string; detail?: string; url?: string; unknown: boolean }) {
  const href = safeHref(url);
  return (
    <>
      {unknown ? (
        <Unknown>{text}</Unknown>
      ) : href ? (
        <a class="cmp-cell__link" href={href} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        <span class="cmp-cell__text">{text}</span>
      )}
      {detail && <span class="cmp-cell__detail"> {unknown ? `(${detail})` : `— ${detail}`}</span>}
    </>
  );
}

/** One provider's value for one attribute: "Unknown" when nothing is known, a list when there are several. */
export function CompareCell({ cell }: { cell: Cell }) {
  if (cell.lines.length === 1) return <Line {...cell.lines[0]!} unknown={cell.unknown} />;
  return (
    <ul class="cmp-cell__list">
      {cell.lines.map((l, i) => (
        <li key={i}>
          <Line {...l} unknown={cell.unknown} />
        </li>
      ))}
    </ul>
  );
}
