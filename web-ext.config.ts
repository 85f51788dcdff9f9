import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';

// WXT's dev runner looks for Google Chrome; Debian and many Linux systems ship Chromium instead.
export default defineWebExtConfig({
  binaries: existsSync('/usr/bin/chromium') ? { chrome: '/usr/bin/chromium' } : {},
  startUrls: ['https://www.mindbloom.com/'],
});
