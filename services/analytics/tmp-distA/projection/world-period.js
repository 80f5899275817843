import { firstDayOf, precisionOf } from '@bluehelm/contracts';
export function periodOf(worldDate) {
    const precision = precisionOf(worldDate);
    return { precision, firstDay: firstDayOf(worldDate), lastDay: lastDayOf(worldDate, precision) };
}
function lastDayOf(worldDate, precision) {
    switch (precision) {
        case 'year':
            return `${worldDate}-12-31`;
        case 'month': {
            const [year, month] = worldDate.split('-').map(Number);
            // Day 0 of the next month is the last day of this one.
            const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
            return `${worldDate}-${String(days).padStart(2, '0')}`;
        }
        case 'day':
            return worldDate;
        default: {
            const unknown = precision;
            throw new Error(`unknown precision ${String(unknown)}`);
        }
    }
}
/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` day: differences of days are plain subtractions.
 * Computed from the digits (the proleptic Gregorian calendar, as Date does), since a rebuild
 * converts every fact's date.
 */
export function epochDayOf(day) {
    const year = Number(day.slice(0, 4));
    const month = Number(day.slice(5, 7));
    const dayOfMonth = Number(day.slice(8, 10));
    // Days from civil: years start in March, so that the leap day ends the year.
    const shiftedYear = month <= 2 ? year - 1 : year;
    const era = Math.floor(shiftedYear / 400);
    const yearOfEra = shiftedYear - era * 400;
    const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
}
//# sourceMappingURL=world-period.js.map