/**
 * Prints rows as a Markdown table (the README keeps the figures in the same shape).
 * @param {string[]} header
 * @param {string[][]} rows
 */
export function printTable(header, rows) {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => String(row[column] ?? '').length)));
  const render = (row) => `| ${row.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  console.log([render(header), render(widths.map((w) => '-'.repeat(w))), ...rows.map(render)].join('\n'));
}

/** @param {number} value */
export const rounded = (value) => Math.round(value).toLocaleString('en-US');

/**
 * @param {number[]} sorted ascending
 * @param {number} fraction 0..1
 */
export function percentile(sorted, fraction) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}
