// The one protocol between extension pages and the background. Names say who receives them:
// everything here is handled by the background; the background never messages the panel
// (it writes per-tab state to storage.session, which open panels observe), so a closed panel
// can never cause "Receiving end does not exist".
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { TabState } from './tabs/tab-state';

export interface ProtocolMap {
  /** Side panel → background: what is tab N showing? Computed on demand when not cached. */
  bgGetTabState(data: { tabId: number }): TabState | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
