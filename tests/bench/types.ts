/** One figure a benchmark reports; `npm run bench` prints them all as a table. */
export interface BenchResult {
  /** e.g. "match p50 @100k hosts" */
  name: string;
  value: number;
  unit: string;
  /** The issue's aim, e.g. "≤ 2 µs"; omitted when there is none. */
  target?: string;
  /** Whether the aim was met; omitted when there is none. */
  ok?: boolean;
}

/** Every file tests/bench/*.bench.ts default-exports one of these. */
export type Bench = () => Promise<BenchResult[]>;
