declare module 'virtual:clinic-scout/match-entries' {
  const entries: import('./match-entries').SlimEntry[];
  export default entries;
}
