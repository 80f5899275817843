import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256 takes a 32-byte key. */
export const AES_256_KEY_BYTES = 32;
/** 12 bytes is the IV length GCM is specified for; any other length is hashed into one. */
export const GCM_IV_BYTES = 12;
/** The full 16-byte tag: shorter tags weaken the integrity check. */
export const GCM_TAG_BYTES = 16;

/** A GCM result: the random IV, and the ciphertext with the authentication tag appended. */
export interface AesGcmCiphertext {
  readonly iv: Buffer;
  readonly data: Buffer;
}

/**
 * Encrypts under a fresh random IV. Random IVs are safe for the number of messages one case
 * key will ever see (far below the 2^32 limit NIST sets for random 96-bit IVs under one key).
 */
export function encryptAes256Gcm(key: Buffer, plaintext: Buffer, associatedData: Buffer): AesGcmCiphertext {
  const iv = randomBytes(GCM_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(associatedData);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, data };
}

/**
 * The plaintext, or `undefined` when the ciphertext, IV, tag, associated data or key do not
 * belong together. GCM cannot tell these apart; callers name the likely cause in their error.
 */
export function decryptAes256Gcm(
  key: Buffer,
  sealed: AesGcmCiphertext,
  associatedData: Buffer,
): Buffer | undefined {
  if (sealed.iv.length !== GCM_IV_BYTES || sealed.data.length < GCM_TAG_BYTES) return undefined;
  const tagStart = sealed.data.length - GCM_TAG_BYTES;
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: GCM_TAG_BYTES });
  decipher.setAAD(associatedData);
  decipher.setAuthTag(sealed.data.subarray(tagStart));
  const plaintext = decipher.update(sealed.data.subarray(0, tagStart));
  try {
    return Buffer.concat([plaintext, decipher.final()]);
  } catch {
    // final() throws exactly when the tag does not verify; nothing of the plaintext is released.
    plaintext.fill(0);
    return undefined;
  }
}
