// The toolbar badge sits on top of the icon: its text must be readable on its colour, and its colour
// must not blend into the icon's. Colours are read from the icon's SVG source and from badgeFor().
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { badgeFor, type BadgeProvider } from '../../lib/tabs/badge';
import type { MatchResult } from '../../lib/match';

const svg = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'icon.svg'), 'utf8');
const fillOf = (id: string) => {
  const m = new RegExp(`id="${id}"[^>]*?fill="(#[0-9a-f]{6})"`, 'i').exec(svg);
  if (!m) throw new Error(`assets/icon.svg has no #${id} with a fill`);
  return m[1]!;
};

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
/** WCAG 2 relative luminance and contrast ratio. */
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
/** CIE76 colour difference in CIELAB (D65): about 2.3 is just noticeable, 25+ is clearly another colour. */
const lab = (hex: string) => {
  const [r, g, b] = rgb(hex).map(linear) as [number, number, number];
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ].map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (841 / 108) * t + 4 / 29)) as [number, number, number];
  return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
};
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

const provider = (state: BadgeProvider['state']) => () => ({ name: 'Example Clinic', state });
const site: MatchResult = { kind: 'provider', providerId: 'x', host: 'example.com', rule: { kind: 'host', value: 'example.com' } };
const lookalike: MatchResult = { kind: 'lookalike', providerId: 'x', host: 'example-x.com', lookalikeHost: 'example-x.com' };
const looks = {
  recognised: badgeFor(site, provider('operating')),
  closed: badgeFor(site, provider('closed')),
  lookalike: badgeFor(lookalike, provider('operating')),
};
const icon = { tile: fillOf('tile'), rim: fillOf('rim'), lens: fillOf('lens') };

describe('badge colours against the icon', () => {
  it('covers the three badges that show text', () => {
    expect(Object.values(looks).map((l) => l.text)).toEqual(['●', '✕', '!']);
  });

  for (const [name, look] of Object.entries(looks)) {
    it(`${name} badge (${look.color}): white text has at least 4.5:1 contrast, and browsers choose white`, () => {
      // Neither build sets a badge text colour: Chrome and Firefox pick black or white, whichever
      // contrasts more with the background. Every badge colour must make that white, at AA contrast.
      expect(contrast('#ffffff', look.color)).toBeGreaterThanOrEqual(4.5);
      expect(contrast('#ffffff', look.color)).toBeGreaterThan(contrast('#000000', look.color));
    });

    it(`${name} badge (${look.color}) is clearly a different colour from every colour of the icon`, () => {
      for (const [part, colour] of Object.entries(icon)) {
        expect(deltaE(look.color, colour), `${name} badge vs icon ${part} ${colour}`).toBeGreaterThanOrEqual(25);
      }
    });
  }

  it('the three badges differ from one another', () => {
    const colours = Object.values(looks).map((l) => l.color);
    for (const a of colours) for (const b of colours) if (a !== b) expect(deltaE(a, b)).toBeGreaterThanOrEqual(20);
  });

  it('the icon reads on light and dark toolbars: the tile contrasts with light ones, the rim with dark ones', () => {
    for (const toolbar of ['#ffffff', '#f1f3f4', '#f9f9fb']) expect(contrast(icon.tile, toolbar)).toBeGreaterThanOrEqual(3);
    for (const toolbar of ['#202124', '#35363a', '#2b2a33', '#1c1b22']) expect(contrast(icon.rim, toolbar)).toBeGreaterThanOrEqual(3);
    // and the magnifier (rim-coloured strokes) stands out on the tile
    expect(contrast(icon.rim, icon.tile)).toBeGreaterThanOrEqual(4.5);
  });
});
