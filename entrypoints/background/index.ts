import { browser } from 'wxt/browser';
import { badgeProvider, matchEntries } from '../../data/match-entries';
import { createMatcher } from '../../lib/match';
import { onMessage } from '../../lib/messaging';
import { isTabId } from '../../lib/tabs/tab-state';
import { createTracker, actionApi } from './tracker';
import { openWelcomeOnInstall } from './welcome';

export default defineBackground(() => {
  const tracker = createTracker(createMatcher(matchEntries), badgeProvider);
  tracker.listen();

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
