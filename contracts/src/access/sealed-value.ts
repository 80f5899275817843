/** The algorithm tag of a sealed value; a later algorithm would get a tag of its own. */
export const SEALED_ALGORITHM = 'A256GCM';

/**
 * A personal field as the log stores it: AES-256-GCM ciphertext under its case's data key
 * (libs/personal-data). The hash chain covers this object, so erasing the key leaves the chain
 * intact while the plaintext is gone for good.
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

/** A personal field in event data: sealed as stored; plaintext only in a cleared reader's view. */
export type PersonalText = string | SealedValue;

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
