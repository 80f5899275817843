/** The algorithm tag of a sealed value; a later algorithm would get a tag of its own. */
export const SEALED_ALGORITHM = 'A256GCM';

/**
 * What replaces a personal field (a name, say) inside event data. The event's hash chain is
 * computed over this JSON, so destroying the key later makes the field unreadable without
 * touching the log.
 */
export interface SealedValue {
  readonly $sealed: typeof SEALED_ALGORITHM;
  /** The id of the case's data key in the key vault. */
  readonly key: string;
  /** The 12-byte GCM IV, base64url. */
  readonly iv: string;
  /** The ciphertext of the UTF-8 plaintext followed by the 16-byte tag, base64url. */
  readonly data: string;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const SEALED_VALUE_FIELDS = ['$sealed', 'data', 'iv', 'key'];

/**
 * True for exactly the shape above: four fields, no more. Strict so that ordinary event data
 * that happens to carry a `$sealed` field is never mistaken for a sealed value.
 */
export function isSealedValue(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = Object.keys(value).sort();
  if (fields.length !== SEALED_VALUE_FIELDS.length || fields.some((f, i) => f !== SEALED_VALUE_FIELDS[i])) {
    return false;
  }
  const { $sealed, key, iv, data } = value as Record<string, unknown>;
  return (
    $sealed === SEALED_ALGORITHM &&
    typeof key === 'string' &&
    key.length > 0 &&
    typeof iv === 'string' &&
    BASE64URL.test(iv) &&
    typeof data === 'string' &&
    BASE64URL.test(data)
  );
}
