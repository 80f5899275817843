/**
 * Which fields of which events are personal data (names and contacts of casualties, alleged
 * perpetrators, witnesses and accused persons): sealed before they are appended, revealed only
 * to readers with the `personal-data` clearance. A path is a list of keys; `*` is any index.
 */
export const PERSONAL_FIELD_PATHS: { readonly [eventType: string]: readonly (readonly string[])[] } = {
  IncidentReported: [
    ['casualties', '*', 'name'],
    ['perpetrators', '*', 'name'],
    ['witnesses', '*', 'name'],
    ['witnesses', '*', 'contact'],
  ],
  AccusedIdentified: [['name']],
};

/** Whether `path` inside the data of an event of `eventType` holds personal data. */
export function isPersonalField(eventType: string, path: readonly (string | number)[]): boolean {
  const patterns = PERSONAL_FIELD_PATHS[eventType] ?? [];
  return patterns.some(
    (pattern) =>
      pattern.length === path.length &&
      pattern.every((key, index) => (key === '*' ? typeof path[index] === 'number' : key === path[index])),
  );
}
