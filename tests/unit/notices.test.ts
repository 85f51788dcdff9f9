// The bundled code and data need their notices shipped (the ZIP data is BSD-licensed: "Redistributions in
// binary form must reproduce the above copyright notice"). public/ is copied into every build.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (...p: string[]) => readFileSync(join(root, ...p), 'utf8');

describe('third-party notices', () => {
  it('THIRD_PARTY_NOTICES.md and the copy in public/ are the same file', () => {
    expect(read('public', 'THIRD_PARTY_NOTICES.md')).toBe(read('THIRD_PARTY_NOTICES.md'));
  });

  it('name every runtime dependency and carry the zipcodes BSD notice', () => {
    const notices = read('THIRD_PARTY_NOTICES.md');
    const deps = Object.keys(JSON.parse(read('package.json')).dependencies as Record<string, string>);
    for (const dep of [...deps, 'zipcodes']) expect(notices).toContain(dep);
    expect(notices).toContain('Copyright (c) 2007, Dav Glass');
    expect(notices).toContain('Redistributions in binary form must reproduce the above');
  });

  it.each(['chrome-mv3', 'firefox-mv2'])('ship inside the %s build', (target) => {
    const shipped = join(root, '.output', target, 'THIRD_PARTY_NOTICES.md');
    if (!existsSync(shipped)) throw new Error(`No ${shipped}: run "npm run build" first.`);
    expect(readFileSync(shipped, 'utf8')).toBe(read('THIRD_PARTY_NOTICES.md'));
  });

  it('the project declares its licence', () => {
    expect(JSON.parse(read('package.json')).license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License/);
  });
});
