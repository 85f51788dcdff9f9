import { Loading } from '@/components/common/Loading';
import { useProvider } from '@/state/dataset';
import type { Route } from '@/lib/route';
import { ProviderActions } from './ProviderActions';
import { ProviderDetails } from './ProviderDetails';
import { ProviderLoadFailed } from './ProviderLoadFailed';

/** The card of a provider opened from Browse or a link (#/provider/<id>); loads that one record only. */
export function ProviderView({ id, go }: { id: string; go: (r: Route) => void }) {
  const loaded = useProvider(id);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ProviderLoadFailed error={loaded.error} onRetry={loaded.retry} />;
  const provider = loaded.value;
  return (
    <ProviderDetails
      key={provider.id}
      provider={provider}
      go={go}
      actions={<ProviderActions provider={provider} incognito={false} go={go} />}
    />
  );
}
