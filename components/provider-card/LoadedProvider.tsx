import { Loading } from '@/components/common/Loading';
import type { Loadable } from '@/state/loadable';
import type { Provider } from '@/lib/dataset/schema';
import type { Route } from '@/lib/route';
import { ProviderActions } from './ProviderActions';
import { ProviderDetails } from './ProviderDetails';
import { ProviderLoadFailed } from './ProviderLoadFailed';

interface Props {
  loaded: Loadable<Provider>;
  /** The tab is in a private window: the actions say nothing is saved by itself there. */
  incognito: boolean;
  go: (r: Route) => void;
}

/**
 * A provider's card once its record is asked for, wherever it is opened (the site's tab, Browse, a link):
 * loading, a clear "couldn't load" with Try again, or the card with its actions.
 */
export function LoadedProvider({ loaded, incognito, go }: Props) {
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ProviderLoadFailed error={loaded.error} onRetry={loaded.retry} />;
  const provider = loaded.value;
  return (
    <ProviderDetails
      key={provider.id}
      provider={provider}
      go={go}
      actions={<ProviderActions provider={provider} incognito={incognito} go={go} />}
    />
  );
}
