// How many providers the packaged dataset holds, known at bundle time (a few bytes in the panel).
import meta from 'virtual:clinic-scout/dataset-meta';

export const providerCount: number = meta.count;
