/** One benchmark figure: the adapter's rate beside a raw driver loop measured in the same run. */
export interface BenchRow {
  readonly adapter: string;
  /** e.g. `append (1 event per append)`, `append (batches of 100)`, `readAll`, `catch-up subscription`. */
  readonly measure: string;
  /** events per second through the adapter */
  readonly adapterRate: number;
  /** events per second through the plain driver loop with the same durability settings */
  readonly rawRate: number;
  /** what the target is, as a ratio adapter/raw, if the issue set one */
  readonly targetRatio?: number;
}

/** Times `work` and answers events per second. */
export async function eventsPerSecond(events: number, work: () => Promise<void> | void): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return events / seconds;
}

export function formatBenchTable(rows: readonly BenchRow[]): string {
  const header = ['adapter', 'measure', 'adapter ev/s', 'raw ev/s', 'ratio', 'target'];
  const lines = rows.map((row) => [
    row.adapter,
    row.measure,
    Math.round(row.adapterRate).toLocaleString('en-US'),
    Math.round(row.rawRate).toLocaleString('en-US'),
    (row.adapterRate / row.rawRate).toFixed(2),
    row.targetRatio === undefined ? '' : `>= ${row.targetRatio}`,
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => line[column]?.length ?? 0)));
  const render = (line: string[]) => `| ${line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}
