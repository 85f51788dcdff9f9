import { useProvider } from '@/state/dataset';
import type { Route } from '@/lib/route';
import { ProviderActions } from './ProviderActions';
import { ProviderDetails } from './ProviderDetails';

/** The card of a provider opened from Browse or a link (#/provider/<id>). */
export function ProviderView({ id, go }: { id: string; go: (r: Route) => void }) {
  const provider = useProvider(id);
  if (!provider) {
    return (
      <div class="message" role="status">
        <h2>Provider not found</h2>
        <p>This provider is no longer in Clinic Scout's list.</p>
      </div>
    );
  }
  return (
    <ProviderDetails
      key={provider.id}
      provider={provider}
      go={go}
      actions={<ProviderActions provider={provider} incognito={false} go={go} />}
    />
  );
}
