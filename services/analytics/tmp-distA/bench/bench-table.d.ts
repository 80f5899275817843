/** One line of the analytics benchmark: a figure, what it is measured against, and the target. */
export interface BenchLine {
    readonly measure: string;
    readonly value: string;
    readonly baseline?: string;
    readonly ratio?: number;
    readonly target?: string;
}
export declare function formatBenchLines(lines: readonly BenchLine[]): string;
export declare function perSecond(rate: number): string;
export declare function milliseconds(ms: number): string;
/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export declare function percentile(sorted: readonly number[], fraction: number): number;
//# sourceMappingURL=bench-table.d.ts.map