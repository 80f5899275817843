// The package's index holds only the code tables; its default entry point also loads every
// language's country names, which contracts never need.
import countries from 'i18n-iso-countries/index.js';

/** Every ISO 3166-1 alpha-3 code, upper case, in alphabetical order. */
export const ALPHA3_COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha3Codes()).sort();

const alpha3Codes: ReadonlySet<string> = new Set(ALPHA3_COUNTRY_CODES);

/** Exact upper-case match: `mli` is not accepted, so that one state has one spelling in the log. */
export function isAlpha3CountryCode(value: unknown): value is string {
  return typeof value === 'string' && alpha3Codes.has(value);
}
