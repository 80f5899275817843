/** Where "now" comes from, so that specs can fix it. */
export interface Clock {
    now(): Date;
}
export declare const CLOCK: unique symbol;
export declare const systemClock: Clock;
//# sourceMappingURL=clock.d.ts.map