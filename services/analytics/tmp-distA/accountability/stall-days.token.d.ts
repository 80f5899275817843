/** Injection token of the stall period in days (the STALL_DAYS setting). */
export declare const STALL_DAYS: unique symbol;
//# sourceMappingURL=stall-days.token.d.ts.map