/** Injection token of the stall period in days (the STALL_DAYS setting). */
export const STALL_DAYS = Symbol('STALL_DAYS');
//# sourceMappingURL=stall-days.token.js.map