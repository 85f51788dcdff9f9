import { useProvider } from '@/state/dataset';
import { useFirstScreen } from '@/state/first-screen';
import type { Route } from '@/lib/route';
import { LoadedProvider } from './LoadedProvider';

/** The card of a provider opened from Browse or a link (#/provider/<id>); loads that one record only. */
export function ProviderView({ id, go }: { id: string; go: (r: Route) => void }) {
  const loaded = useProvider(id);
  useFirstScreen(loaded.status !== 'loading');
  return <LoadedProvider loaded={loaded} incognito={false} go={go} />;
}
