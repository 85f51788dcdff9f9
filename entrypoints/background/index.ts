import { browser } from 'wxt/browser';
import { badgeProvider, matchEntries } from '../../data/match-entries';
import { createMatcher } from '../../lib/match';
import { onMessage } from '../../lib/messaging';
import { isTabId } from '../../lib/tabs/tab-state';
import { createTracker, actionApi } from './tracker';
import { followUnseenCount } from './changes';
import { openWelcomeOnInstall } from './welcome';

export default defineBackground(() => {
  let unseen = 0;
  const tracker = createTracker(createMatcher(matchEntries), badgeProvider, () => unseen);
  tracker.listen();

  // Changes on the shortlist (issue 18): the badge follows the stored unseen count; after an update the
  // worker counts again, read-only (./changes.ts). Registered after the tracker: tab badges come first.
  followUnseenCount(async (n) => {
    const changed = n !== unseen;
    unseen = n;
    if (changed) await tracker.updateAllTabs();
  });

  // Only this extension's own pages may ask; web pages cannot reach runtime messaging at all
  // (no externally_connectable, no content scripts), and this check keeps it so.
  const ownOrigin = browser.runtime.getURL('/');
  onMessage('bgGetTabState', ({ data, sender }) => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(ownOrigin)) return null;
    if (!isTabId(data?.tabId)) return null;
    return tracker.getTabState(data.tabId);
  });

  // First run only: the welcome page explains the badge and how to open the panel.
  openWelcomeOnInstall();

  if (import.meta.env.FIREFOX) {
    const sidebar = (browser as unknown as { sidebarAction: { toggle(): Promise<void> } }).sidebarAction;
    (actionApi() as unknown as { onClicked: { addListener(cb: () => void): void } }).onClicked.addListener(() => {
      void sidebar.toggle();
    });
  } else {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  }
});
