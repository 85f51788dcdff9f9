import { ProviderCard } from '../../../components/ProviderCard';
import { providerById } from '../../../data';
import type { Route } from '../../../lib/route';
import { ProviderActions } from './ProviderActions';

const nameOf = (id: string) => providerById(id)?.name;

export function ProviderView({ id, go }: { id: string; go: (r: Route) => void }) {
  const provider = providerById(id);
  if (!provider) {
    return (
      <div class="message" role="status">
        <h2>Provider not found</h2>
        <p>This provider is no longer in Clinic Scout's list.</p>
      </div>
    );
  }
  return (
    <ProviderCard
      provider={provider}
      nameOf={nameOf}
      onOpen={(next) => go({ view: 'provider', id: next })}
      actions={<ProviderActions provider={provider} incognito={false} go={go} />}
    />
  );
}
