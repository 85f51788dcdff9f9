import { useEffect, useRef } from 'preact/hooks';
import { CompareToggle } from '@/components/compare/CompareToggle';
import { ShortlistAdd } from '@/components/shortlist/ShortlistAdd';
import type { Provider } from '@/lib/dataset/schema';
import { datasetWebsite } from '@/lib/format/links';
import type { Route } from '@/lib/route';
import { membershipOf } from '@/state/shortlists/store';
import { useShortlists } from '@/state/shortlists/context';

/**
 * Shortlist and compare controls on a provider card. After "Add to shortlist" (whose button then goes
 * away) focus moves to the confirmation, "On your shortlist: <list>", so keyboard and screen-reader users
 * are not dropped at the top of the page.
 */
export function ProviderActions({ provider, incognito, go }: { provider: Provider; incognito: boolean; go: (r: Route) => void }) {
  const sl = useShortlists();
  const box = useRef<HTMLDivElement>(null);
  const clicked = useRef(false);
  const lists = membershipOf(sl, provider.id).length;
  const before = useRef(lists);

  useEffect(() => {
    if (lists > before.current && clicked.current) {
      clicked.current = false;
      const confirmation = box.current?.querySelector<HTMLElement>('.shortlist-add__on');
      if (confirmation) {
        confirmation.setAttribute('tabindex', '-1');
        confirmation.focus();
      }
    }
    before.current = lists;
  }, [lists]);

  return (
    <div
      class="provider-actions"
      ref={box}
      onClickCapture={(e) => {
        const target = e.target as HTMLElement | null;
        if (target?.closest('button')?.textContent?.trim() === 'Add to shortlist') clicked.current = true;
      }}
    >
      <ShortlistAdd
        provider={{ id: provider.id, name: provider.name, website: datasetWebsite(provider) }}
        incognito={incognito}
        onOpenList={() => go({ view: 'shortlist' })}
      />
      <CompareToggle providerId={provider.id} name={provider.name} />
    </div>
  );
}
