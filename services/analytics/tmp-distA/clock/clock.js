export const CLOCK = Symbol('CLOCK');
export const systemClock = { now: () => new Date() };
//# sourceMappingURL=clock.js.map