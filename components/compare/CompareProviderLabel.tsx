import type { Provider } from '@/lib/dataset/schema';
import { statusText } from '@/lib/browse/summary';
import { STATUS_LABEL } from '@/lib/format/labels';

/**
 * A provider's name in the comparison (opens its card), labelled when it is closed or otherwise not operating;
 * `short` ("Closed") where it repeats on every row.
 */
export function CompareProviderLabel({ provider: p, short = false }: { provider: Provider; short?: boolean }) {
  const closed = p.status.state === 'closed';
  return (
    <>
      <a href={`#/provider/${p.id}`}>{p.name}</a>
      {p.status.state !== 'operating' && (
        <>
          {' '}
          <span class={`tag ${closed ? 'tag--danger' : 'tag--warn'}`}>{short ? STATUS_LABEL[p.status.state] : statusText(p)}</span>
        </>
      )}
    </>
  );
}
