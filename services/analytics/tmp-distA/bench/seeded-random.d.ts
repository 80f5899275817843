/** A small seeded generator (mulberry32), so that every benchmark run builds the same log. */
export declare class SeededRandom {
    private state;
    constructor(seed: number);
    /** A number in [0, 1). */
    next(): number;
    chance(probability: number): boolean;
    integer(min: number, max: number): number;
    pick<T>(items: readonly T[]): T;
    /** A v4-shaped UUID from this generator. */
    uuid(): string;
}
//# sourceMappingURL=seeded-random.d.ts.map