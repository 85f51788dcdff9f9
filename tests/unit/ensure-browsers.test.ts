// The fresh-machine path: `npm test` first runs scripts/ensure-browsers.mjs (package.json "pretest").
// Here the browsers are made "absent" by pointing the paths it checks at a folder that does not exist,
// and the script either installs Debian's packages (as root, or through sudo; shown in dry-run mode so
// no test installs anything) or stops with exit 1 and the one command to run.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'ensure-browsers.mjs');
const ONE_COMMAND = 'sudo apt-get install -y chromium firefox-esr openssl';

let dir = '';
let absent: NodeJS.ProcessEnv = {};
const fake = (name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-scout-ensure-'));
  absent = {
    CHROMIUM_PATH: join(dir, 'absent', 'chromium'),
    FIREFOX_PATH: join(dir, 'absent', 'firefox-esr'),
    OPENSSL_PATH: join(dir, 'absent', 'openssl'),
    ENSURE_BROWSERS_APT_GET: fake('apt-get', 'echo "apt-get $*" >> "$(dirname "$0")/apt.log"'),
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (env: NodeJS.ProcessEnv, args: string[] = []) => {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

describe('scripts/ensure-browsers.mjs', () => {
  it('is what `npm test` runs first', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.pretest).toBe('node scripts/ensure-browsers.mjs');
    expect(readFileSync(join(ROOT, 'scripts', 'dev.mjs'), 'utf8')).toContain('ensure-browsers.mjs');
  });

  it('says nothing and exits 0 when everything is there', () => {
    const here = { CHROMIUM_PATH: process.execPath, FIREFOX_PATH: process.execPath, OPENSSL_PATH: process.execPath };
    expect(run(here)).toEqual({ status: 0, out: '' });
  });

  it('as root, with the browsers absent: apt-get update, then installs Debian packages', () => {
    const r = run({ ...absent, ENSURE_BROWSERS_UID: '0', ENSURE_BROWSERS_DRY_RUN: '1' });
    expect(r.status).toBe(0);
    const lines = r.out.split('\n').filter((l) => l.includes('would run'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/would run: \S*apt-get update/);
    expect(lines[1]).toMatch(/would run: \S*apt-get install -y -qq chromium firefox-esr openssl fonts-dejavu-core$/);
  });

  it('as root, for real: runs apt-get (a stand-in here) and stops when the browsers are still not there', () => {
    const r = run({ ...absent, ENSURE_BROWSERS_UID: '0' });
    expect(readFileSync(join(dir, 'apt.log'), 'utf8').trim().split('\n')).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq chromium firefox-esr openssl fonts-dejavu-core',
    ]);
    expect(r.status).toBe(1);
    expect(r.out).toContain('Installed, but still not found');
    expect(r.out).toContain(ONE_COMMAND);
  });

  it('not root, sudo without a password: installs through sudo -n', () => {
    const sudo = fake('sudo-ok', 'exit 0');
    const r = run({ ...absent, ENSURE_BROWSERS_UID: '1000', ENSURE_BROWSERS_SUDO: sudo, ENSURE_BROWSERS_DRY_RUN: '1' });
    expect(r.status).toBe(0);
    expect(r.out).toContain(`would run: ${sudo} -n ${absent.ENSURE_BROWSERS_APT_GET} update`);
    expect(r.out).toContain(`would run: ${sudo} -n ${absent.ENSURE_BROWSERS_APT_GET} install -y -qq chromium firefox-esr`);
  });

  for (const [why, sudo] of [
    ['sudo asks for a password', 'sudo-password'],
    ['no sudo at all', 'no-such-sudo'],
  ] as const) {
    it(`not root, ${why}: stops with exit 1 and the one command to run, installing nothing`, () => {
      const program = sudo === 'sudo-password' ? fake(sudo, 'echo "sudo: a password is required" >&2; exit 1') : join(dir, sudo);
      const r = run({ ...absent, ENSURE_BROWSERS_UID: '1000', ENSURE_BROWSERS_SUDO: program, ENSURE_BROWSERS_DRY_RUN: '1' });
      expect(r.status).toBe(1);
      expect(r.out).toContain(`\n  ${ONE_COMMAND}\n`);
      expect(r.out).not.toContain('would run');
    });
  }

  it('names only what is missing', () => {
    const r = run({ ...absent, OPENSSL_PATH: process.execPath, FIREFOX_PATH: process.execPath, ENSURE_BROWSERS_UID: '1000', ENSURE_BROWSERS_SUDO: join(dir, 'none') });
    expect(r.status).toBe(1);
    expect(r.out).toContain('\n  sudo apt-get install -y chromium\n');
  });

  it('in this environment as it is (real user id, real sudo), with the browsers absent: installs or stops with the command', () => {
    const env: NodeJS.ProcessEnv = { ...absent, ENSURE_BROWSERS_DRY_RUN: '1' };
    delete env.ENSURE_BROWSERS_APT_GET;
    const r = run(env);
    if (r.status === 0) expect(r.out).toMatch(/would run: (sudo -n )?apt-get install -y -qq chromium firefox-esr openssl/);
    else {
      expect(r.status).toBe(1);
      expect(r.out).toContain(ONE_COMMAND);
    }
  });

  it('`npm test` in a fresh copy with nothing installed, browsers absent, no root and no sudo: stops first, with the one command', () => {
    const fresh = join(dir, 'fresh');
    mkdirSync(join(fresh, 'scripts'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(fresh, 'package.json'));
    copyFileSync(SCRIPT, join(fresh, 'scripts', 'ensure-browsers.mjs'));
    const r = spawnSync('npm', ['test'], {
      cwd: fresh,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...absent, ENSURE_BROWSERS_UID: '1000', ENSURE_BROWSERS_SUDO: join(dir, 'no-such-sudo') },
    });
    expect(r.status).toBe(1);
    expect(`${r.stdout}${r.stderr}`).toContain(`\n  ${ONE_COMMAND}\n`);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/tsc|vitest/); // it stopped before the tests proper
  });
});
