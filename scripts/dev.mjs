// npm run dev: WXT's dev runner (opens a browser with the extension and reloads it on change).
// Where no display exists it cannot open a browser, so it builds once and says how to load by hand.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const run = (cmd, argv) => spawnSync(cmd, argv, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

// Opening a browser needs one: Debian's Chromium (or Firefox ESR for -b firefox), installed here when
// missing as `npm test` does (scripts/ensure-browsers.mjs). Elsewhere (no apt-get) WXT finds Chrome itself.
if (!headless) {
  const browser = args.includes('firefox') ? 'firefox' : 'chromium';
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (process.platform === 'linux' && hasApt) {
    const status = run('node', [new URL('./ensure-browsers.mjs', import.meta.url).pathname, browser]);
    if (status) process.exit(status);
  }
  process.exit(run('npx', ['wxt', ...args]));
}

console.log('\nNo display found, so the dev runner cannot open a browser here. Building the extension instead…\n');
const status = run('npx', ['wxt', 'build']) || run('npx', ['wxt', 'build', '-b', 'firefox']);
if (status) process.exit(status);
console.log(`
Built. To load it by hand on a machine with a display:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", click "Load unpacked"
                   and choose .output/chrome-mv3
  Firefox:         open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…"
                   and choose .output/firefox-mv2/manifest.json
`);
