// The one way the UI reads the bundled dataset (components never import data/ themselves).
//
// Synchronous today: every record is bundled with the panel. A later change may load provider records
// lazily (per provider); then only this file changes, so keep every read behind these functions and hooks:
//   useProvider(id) / getProvider(id)       one record, undefined for an id not in the dataset
//   useProviderLookup()                     the same as a function, for components that take a lookup prop
//   useProviderList() / getProviderList()   every record, sorted by name
//   useGeneral() / getGeneral()             typical prices, safety facts, the question checklist
//   placedLocations(id)                     confirmed city coordinates for "near me" (built at bundle time)
import { general, providerById, providers } from '@/data';
import { placedLocations as placed } from '@/data/geo';
import type { General } from '@/lib/dataset/general-schema';
import type { Provider } from '@/lib/dataset/schema';
import type { LatLon } from '@/lib/geo/distance';

export type ProviderLookup = (id: string) => Provider | undefined;

export const getProvider: ProviderLookup = (id) => providerById(id);

export function getProviderList(): readonly Provider[] {
  return providers;
}

export function getGeneral(): General {
  return general;
}

export function placedLocations(providerId: string): Array<LatLon & { index: number }> {
  return placed(providerId);
}

export function useProvider(id: string): Provider | undefined {
  return getProvider(id);
}

export function useProviderLookup(): ProviderLookup {
  return getProvider;
}

export function useProviderList(): readonly Provider[] {
  return providers;
}

export function useGeneral(): General {
  return general;
}
