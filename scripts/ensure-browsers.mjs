// Makes sure the browsers and tools the tests use are on this machine, from Debian's packages only.
// Run first by `npm test` (the "pretest" script) and by `npm run dev`. Never downloads a browser from
// anywhere else (no `playwright install`, no browser builds from the web).
//
//   node scripts/ensure-browsers.mjs [--dry-run] [chromium] [firefox] [openssl]   (default: all three)
//
// What it checks (each overridable, e.g. for a browser installed elsewhere, or by its tests):
//   CHROMIUM_PATH (default /usr/bin/chromium)   — the same variable the e2e harness reads
//   FIREFOX_PATH  (default /usr/bin/firefox-esr) — the same variable the Firefox e2e test reads
//   OPENSSL_PATH  (default: openssl on PATH)     — the e2e fixture server makes a throwaway TLS certificate
// When something is missing: as root, `apt-get update` then `apt-get install -y …`; otherwise the same
// through `sudo -n` when sudo works without a password; otherwise it stops (exit 1) and prints the one
// command to run. ENSURE_BROWSERS_DRY_RUN=1 (or --dry-run) prints the commands instead of running them.
// For its tests only: ENSURE_BROWSERS_UID pretends another user id, ENSURE_BROWSERS_SUDO and
// ENSURE_BROWSERS_APT_GET name other sudo/apt-get programs.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const env = process.env;
const argv = process.argv.slice(2);
const dryRun = argv.includes('--dry-run') || env.ENSURE_BROWSERS_DRY_RUN === '1';
const wanted = argv.filter((a) => !a.startsWith('--'));

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (name) => (env.PATH ?? '').split(delimiter).filter(Boolean).some((dir) => executable(join(dir, name)));

const needs = [
  { name: 'chromium', label: 'Chromium', pkg: 'chromium', extra: ['fonts-dejavu-core'], found: () => executable(env.CHROMIUM_PATH ?? '/usr/bin/chromium'), where: env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  { name: 'firefox', label: 'Firefox ESR', pkg: 'firefox-esr', extra: [], found: () => executable(env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'), where: env.FIREFOX_PATH ?? '/usr/bin/firefox-esr' },
  { name: 'openssl', label: 'OpenSSL', pkg: 'openssl', extra: [], found: () => (env.OPENSSL_PATH ? executable(env.OPENSSL_PATH) : onPath('openssl')), where: env.OPENSSL_PATH ?? 'openssl on PATH' },
].filter((n) => wanted.length === 0 || wanted.includes(n.name));

const missing = needs.filter((n) => !n.found());
if (missing.length === 0) process.exit(0);

const packages = missing.map((n) => n.pkg);
const oneCommand = `sudo apt-get install -y ${packages.join(' ')}`;
const say = (line) => console.error(`[ensure-browsers] ${line}`);
say(`missing: ${missing.map((n) => `${n.label} (${n.where})`).join(', ')}`);

const stop = (why) => {
  console.error(`
${why}
Install Debian's package${packages.length > 1 ? 's' : ''} with this one command, then run the same npm command again:

  ${oneCommand}

(A browser installed elsewhere can be named instead with CHROMIUM_PATH / FIREFOX_PATH.)
`);
  process.exit(1);
};

const aptGet = env.ENSURE_BROWSERS_APT_GET ?? 'apt-get';
if (!env.ENSURE_BROWSERS_APT_GET && !onPath('apt-get')) stop('This machine has no apt-get, so the packages cannot be installed from here.');

const uid = env.ENSURE_BROWSERS_UID !== undefined ? Number(env.ENSURE_BROWSERS_UID) : process.getuid?.();
const sudo = env.ENSURE_BROWSERS_SUDO ?? 'sudo';
const sudoWorks = () => spawnSync(sudo, ['-n', 'true'], { stdio: 'ignore' }).status === 0;
const prefix = uid === 0 ? [] : sudoWorks() ? [sudo, '-n'] : null;
if (!prefix) stop('Not running as root, and sudo needs a password (or is not installed), so nothing was installed.');

const install = [...new Set([...packages, ...missing.flatMap((n) => n.extra)])];
const commands = [
  [...prefix, aptGet, 'update', '-qq'],
  [...prefix, aptGet, 'install', '-y', '-qq', ...install],
];
for (const cmd of commands) {
  say(`${dryRun ? 'would run' : 'running'}: ${cmd.join(' ')}`);
  if (dryRun) continue;
  const [program, ...args] = cmd;
  const status = spawnSync(program, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } }).status;
  if (status !== 0) stop(`"${cmd.join(' ')}" failed (exit ${status}).`);
}
if (dryRun) process.exit(0);

const still = missing.filter((n) => !n.found());
if (still.length) stop(`Installed, but still not found: ${still.map((n) => n.where).join(', ')}.`);
say(`installed ${install.join(' ')}`);
