import type { Provider } from '../../../lib/dataset/schema';
import type { Route } from '../../../lib/route';

/** Placeholder until the shortlist lands: compare is available now. */
export function ProviderActions({ provider, go }: { provider: Provider; incognito: boolean; go: (r: Route) => void }) {
  return (
    <button type="button" class="button button--secondary" onClick={() => go({ view: 'compare', ids: [provider.id] })}>
      Compare
    </button>
  );
}
