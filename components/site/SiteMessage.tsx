import type { ComponentChildren } from 'preact';
import type { Provider } from '@/lib/dataset/schema';
import type { TabState } from '@/lib/tabs/tab-state';
import { SourceRefs } from '@/components/common/SourceRefs';
import { StatusBanner } from '@/components/provider-card/StatusBanner';

interface Props {
  state: TabState | null;
  providerById: (id: string) => Provider | undefined;
  providerCount: number;
  onOpen: (id: string) => void;
  onBrowse: () => void;
  today?: Date;
  /** "Save this site", offered on a site that is not recognised or is a look-alike. */
  save?: ComponentChildren;
}

/** What Clinic Scout does, in one line, for anyone who opened the panel on another site. */
const WHAT_IT_DOES =
  'Clinic Scout shows sourced, dated facts about ketamine-therapy providers — open or closed, prices, insurance, locations — when you visit their websites.';

/** What the "This site" view says when it cannot show a provider card. */
export function SiteMessage({ state, providerById, providerCount, onOpen, onBrowse, today = new Date(), save }: Props) {
  const browse = (
    <button type="button" class="button" onClick={onBrowse}>
      Browse all {providerCount} providers
    </button>
  );
  if (!state || state.host === null) {
    return (
      <div class="message" role="status">
        <h2>No website open</h2>
        <p class="message__what">{WHAT_IT_DOES}</p>
        <p>Open a clinic's website in this tab and Clinic Scout will show what is known about it here.</p>
        {browse}
      </div>
    );
  }
  if (state.result.kind === 'lookalike') {
    const { result } = state;
    const provider = providerById(result.providerId);
    const entry = provider?.lookalikes.find((l) => l.host === result.lookalikeHost);
    return (
      <>
      <div class="message message--warn" role="status">
        <h2>
          This site is not {provider?.name ?? 'the provider it resembles'}
        </h2>
        <p class="message__host">{state.host}</p>
        {entry?.name && <p>It belongs to {entry.name}.</p>}
        {entry && <p>{entry.reason}</p>}
        {entry && <SourceRefs sources={entry.sources} today={today} />}
        {provider && provider.status.state !== 'operating' && <StatusBanner provider={provider} today={today} />}
        {provider && (
          <button type="button" class="button" onClick={() => onOpen(provider.id)}>
            See what is known about {provider.name}
          </button>
        )}
      </div>
      {save}
      </>
    );
  }
  return (
    <>
    <div class="message" role="status">
      <h2>This site is not in Clinic Scout's list</h2>
      <p class="message__host">{state.host}</p>
      <p class="message__what">{WHAT_IT_DOES}</p>
      <p>
        Clinic Scout knows {providerCount} providers. Not being listed says nothing good or bad about a site — the
        list is simply not complete.
      </p>
      {browse}
    </div>
    {/* Outside the status region: a form must not be announced as one live message. */}
    {save}
    </>
  );
}
