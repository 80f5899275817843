import { decryptAes256Gcm, encryptAes256Gcm } from '../aes-256-gcm.js';
import { sealedValueAad } from '../associated-data.js';
import { isSealedValue, SEALED_ALGORITHM, type SealedValue } from '../sealed-value.js';
import { SealedValueRejectedError } from './cipher.errors.js';

/** Encrypts one field's text under a data key; the key id is authenticated with it. */
export function sealWithKey(keyId: string, key: Buffer, plaintext: string): SealedValue {
  const { iv, data } = encryptAes256Gcm(key, Buffer.from(plaintext, 'utf8'), sealedValueAad(keyId));
  return { $sealed: SEALED_ALGORITHM, key: keyId, iv: iv.toString('base64url'), data: data.toString('base64url') };
}

/** The field's text, or SealedValueRejectedError when anything about the sealed value was changed. */
export function openWithKey(key: Buffer, sealed: SealedValue): string {
  if (!isSealedValue(sealed)) throw new SealedValueRejectedError(String((sealed as { key?: unknown })?.key), 'it is not a sealed value');
  const plaintext = decryptAes256Gcm(
    key,
    { iv: Buffer.from(sealed.iv, 'base64url'), data: Buffer.from(sealed.data, 'base64url') },
    sealedValueAad(sealed.key),
  );
  if (plaintext === undefined) throw new SealedValueRejectedError(sealed.key);
  const text = plaintext.toString('utf8');
  plaintext.fill(0);
  return text;
}
