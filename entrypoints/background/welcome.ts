import { browser } from 'wxt/browser';

export const WELCOME_PATH = '/welcome.html';

/** Opens the welcome page on a first install only (not on an update, a browser update or a reload in development). */
export function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
  });
}
