import { readFileSync } from 'node:fs';
import type { Provider } from '../../lib/dataset/schema';

export function loadProvider(id: string): Provider {
  return JSON.parse(readFileSync(new URL(`../../data/providers/${id}.json`, import.meta.url), 'utf8')) as Provider;
}

export const expectedBadge = (p: Provider) => (p.status.state === 'closed' ? '✕' : '●');

/** The six providers of the first slice and a hostname of each that the tests visit. */
export const SIX: Array<{ id: string; url: string }> = [
  { id: 'ketamine-wellness-centers', url: 'https://ketaminewellnesscenters.com/about/faq/' },
  { id: 'field-trip-health', url: 'https://www.fieldtriphealth.com/faq' },
  { id: 'mindbloom', url: 'https://www.mindbloom.com/' },
  { id: 'klarisana', url: 'https://www.klarisana.com/treatments/' },
  { id: 'ketamine-clinics-los-angeles', url: 'https://ketamineclinics.com/frequently-asked-questions/' },
  { id: 'spravato', url: 'https://www.spravato.com/' },
];
