export function formatBenchLines(lines) {
    const header = ['measure', 'analytics', 'baseline', 'ratio', 'target'];
    const cells = lines.map((line) => [
        line.measure,
        line.value,
        line.baseline ?? '',
        line.ratio === undefined ? '' : line.ratio.toFixed(2),
        line.target ?? '',
    ]);
    const widths = header.map((_, column) => Math.max(...[header, ...cells].map((row) => row[column]?.length ?? 0)));
    const render = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
    return [render(header), render(widths.map((width) => '-'.repeat(width))), ...cells.map(render)].join('\n');
}
export function perSecond(rate) {
    return `${Math.round(rate).toLocaleString('en-US')} ev/s`;
}
export function milliseconds(ms) {
    return `${ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US')} ms`;
}
/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted, fraction) {
    if (sorted.length === 0)
        return Number.NaN;
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}
//# sourceMappingURL=bench-table.js.map