import type { Provider } from '../lib/dataset/schema';
import { statusText } from '../lib/browse/summary';

/** A provider's name in the comparison (opens its card), labelled when it is closed or otherwise not operating. */
export function CompareProviderLabel({ provider: p }: { provider: Provider }) {
  const closed = p.status.state === 'closed';
  return (
    <>
      <a href={`#/provider/${p.id}`}>{p.name}</a>
      {p.status.state !== 'operating' && (
        <>
          {' '}
          <span class={`tag ${closed ? 'tag--danger' : 'tag--warn'}`}>{statusText(p)}</span>
        </>
      )}
    </>
  );
}
