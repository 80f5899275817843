import { type WorldDatePrecision } from '@bluehelm/contracts';
/** The days a world date covers: `2021` runs from 2021-01-01 to 2021-12-31. */
export interface WorldPeriod {
    readonly precision: WorldDatePrecision;
    readonly firstDay: string;
    readonly lastDay: string;
}
export declare function periodOf(worldDate: string): WorldPeriod;
/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` day: differences of days are plain subtractions.
 * Computed from the digits (the proleptic Gregorian calendar, as Date does), since a rebuild
 * converts every fact's date.
 */
export declare function epochDayOf(day: string): number;
//# sourceMappingURL=world-period.d.ts.map