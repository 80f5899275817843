/**
 * A personal field as the log stores it: AES-256-GCM ciphertext under its case's data key
 * (libs/personal-data). The hash chain covers this object, so erasing the key leaves the chain
 * intact while the plaintext is gone for good.
 */
export interface SealedValue {
  readonly $sealed: 'A256GCM';
  /** The data key's id in the key vault. */
  readonly key: string;
  readonly iv: string;
  readonly data: string;
}

/** A personal field in event data: sealed as stored; plaintext only in a cleared reader's view. */
export type PersonalText = string | SealedValue;

export function isSealedValue(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate['$sealed'] === 'A256GCM' &&
    typeof candidate['key'] === 'string' &&
    typeof candidate['iv'] === 'string' &&
    typeof candidate['data'] === 'string'
  );
}
