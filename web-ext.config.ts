import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';

// WXT's dev runner looks for Google Chrome; Debian and many Linux systems ship Chromium instead.
// Chromium refuses to start its sandbox as root (containers, CI boxes), so only there it runs without.
export default defineWebExtConfig({
  binaries: existsSync('/usr/bin/chromium') ? { chrome: '/usr/bin/chromium' } : {},
  chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  startUrls: ['https://www.mindbloom.com/'],
});
