declare module 'virtual:clinic-scout/match-entries' {
  const rows: import('../lib/match/slim').SlimRow[];
  export default rows;
}

declare module 'virtual:clinic-scout/zip-table' {
  const table: import('../lib/geo/zip-codec').ZipTable;
  export default table;
}

declare module 'virtual:clinic-scout/placed-locations' {
  const placed: import('../scripts/geo-data').PlacedLocation[];
  export default placed;
}

declare module 'virtual:clinic-scout/dataset-hash' {
  /** scripts/dataset-hash.ts over the provider records: 16 hex digits. */
  const hash: string;
  export default hash;
}

declare module 'virtual:clinic-scout/dataset-meta' {
  const meta: { count: number };
  export default meta;
}
