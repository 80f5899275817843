/**
 * A UUID as text (RFC 9562, versions 1 to 8), in either case. The pattern is shared by the
 * validators and the JSON Schemas.
 */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';

const uuid = new RegExp(UUID_PATTERN);

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuid.test(value);
}
