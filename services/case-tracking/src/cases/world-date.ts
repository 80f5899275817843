import type { IsoDay } from '@bluehelm/contracts';

/** The later of two days; `YYYY-MM-DD` text sorts like the days it names. */
export function latestOf(first: IsoDay, second: IsoDay): IsoDay {
  return first >= second ? first : second;
}
