// `npm run zip` makes the Chrome zip, the Firefox zip and the sources zip that addons.mozilla.org asks
// for. AMO rebuilds the add-on from the sources zip and compares; this test does the same: it unpacks
// the sources zip in a temporary folder (away from ../shared, which the build must not need), runs the
// documented build there (`npm run build:firefox`) and checks every file against the Firefox zip.
// To stay fast, node_modules is a symlink to this checkout's instead of a fresh `npm ci`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readZip } from './unzip';

const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const OUTPUT = join(ROOT, '.output');
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const zipPath = (kind: string) => join(OUTPUT, `${name}-${version}-${kind}.zip`);

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

describe('release zips', () => {
  let work = '';
  let sources = new Map<string, Buffer>();
  let firefox = new Map<string, Buffer>();
  let chrome = new Map<string, Buffer>();

  before(() => {
    execFileSync('npm', ['run', 'zip', '--silent'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
    sources = readZip(zipPath('sources'));
    firefox = readZip(zipPath('firefox'));
    chrome = readZip(zipPath('chrome'));
    work = mkdtempSync(join(tmpdir(), 'clinic-scout-sources-'));
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('the Chrome and Firefox zips hold their builds, with manifest, locale and icons', () => {
    for (const [zip, dir] of [[chrome, 'chrome-mv3'], [firefox, 'firefox-mv2']] as const) {
      assert.deepEqual([...zip.keys()].sort(), filesUnder(join(OUTPUT, dir)));
      for (const f of ['manifest.json', '_locales/en/messages.json', 'icons/16.png', 'icons/128.png']) assert.ok(zip.has(f), `${dir}: ${f}`);
    }
  });

  it('the sources zip holds what the build needs and nothing secret, generated or large', () => {
    const names = [...sources.keys()];
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'assets/icon.svg', 'public/_locales/en/messages.json', 'scripts/assert-dataset.ts', 'scripts/vite-virtual-data.ts', 'data/general.json', 'README.md']) {
      assert.ok(sources.has(needed), `sources zip lacks ${needed}`);
    }
    assert.ok(names.filter((n) => n.startsWith('data/providers/') && n.endsWith('.json')).length >= 100, 'all provider records');
    assert.ok(names.some((n) => n.startsWith('entrypoints/')), 'entrypoints');
    const unwanted = names.filter((n) =>
      /(^|\/)(node_modules|\.output|\.wxt|tests|docs|test-results)\//.test(n) ||
      /(^|\/)\./.test(n) || // dotfiles: .env, .env.submit (store credentials), .git, .ci
      /\.(pem|key|p12|crx|xpi|zip|log)$/.test(n),
    );
    assert.deepEqual(unwanted, []);
    const total = [...sources.values()].reduce((sum, b) => sum + b.length, 0);
    assert.ok(total < 3_000_000, `sources zip holds ${total} bytes`);
  });

  it('building from the sources zip alone gives byte-identical files to the Firefox zip', () => {
    for (const [file, data] of sources) {
      mkdirSync(dirname(join(work, file)), { recursive: true });
      writeFileSync(join(work, file), data);
    }
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
    delete env.CLINIC_SCOUT_SKIP_DATA_CHECK; // the data check is part of the documented build
    execFileSync('npm', ['run', 'build:firefox', '--silent'], { cwd: work, stdio: 'pipe', env });
    const built = join(work, '.output', 'firefox-mv2');
    assert.deepEqual(filesUnder(built), [...firefox.keys()].sort());
    const differing = [...firefox].filter(([file, data]) => !readFileSync(join(built, file)).equals(data)).map(([f]) => f);
    assert.deepEqual(differing, [], 'files that differ from the Firefox zip');
  });
});
