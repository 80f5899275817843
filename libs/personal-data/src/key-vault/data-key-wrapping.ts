import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import {
  AES_256_KEY_BYTES,
  type AesGcmCiphertext,
  decryptAes256Gcm,
  encryptAes256Gcm,
  GCM_IV_BYTES,
} from '../aes-256-gcm.js';
import { masterKeyCheckAad, wrappedDataKeyAad } from '../associated-data.js';
import { MasterKeyMismatchError } from './key-vault.errors.js';

const randomBytesAsync = promisify(randomBytes);

/** A master key of the wrong size is a programming error, not a setting: settings are checked by loadMasterKey. */
export class InvalidMasterKeyLengthError extends Error {
  override readonly name = 'InvalidMasterKeyLengthError';
  constructor(length: number) {
    super(`the personal-data master key must be ${AES_256_KEY_BYTES} bytes, got ${length}`);
  }
}

/** A new data key, both in plaintext (to use now) and wrapped (to store). */
export interface NewDataKey {
  readonly keyId: string;
  readonly key: Buffer;
  readonly wrapped: Buffer;
}

/**
 * Wraps and unwraps data keys with the master key. Stored form: IV (12 bytes), then the
 * encrypted key and its tag, in one blob, authenticated together with the key id and scope.
 */
export class DataKeyWrapping {
  private readonly masterKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== AES_256_KEY_BYTES) throw new InvalidMasterKeyLengthError(masterKey.length);
    // A private copy: the caller may zero or reuse its Buffer.
    this.masterKey = Buffer.from(masterKey);
  }

  /** Asynchronous on purpose: key generation draws from the thread pool, not the event loop. */
  async newDataKey(scope: string): Promise<NewDataKey> {
    const keyId = randomUUID();
    const key = await randomBytesAsync(AES_256_KEY_BYTES);
    return { keyId, key, wrapped: toBlob(encryptAes256Gcm(this.masterKey, key, wrappedDataKeyAad(keyId, scope))) };
  }

  unwrap(keyId: string, scope: string, wrapped: Buffer): Buffer {
    const key = decryptAes256Gcm(this.masterKey, fromBlob(wrapped), wrappedDataKeyAad(keyId, scope));
    if (key === undefined) throw new MasterKeyMismatchError(`data key ${keyId} of scope "${scope}"`);
    return key;
  }

  /** A value only this master key can open, stored once per vault so a wrong key fails at start. */
  newMasterKeyCheck(): Buffer {
    return toBlob(encryptAes256Gcm(this.masterKey, randomBytes(AES_256_KEY_BYTES), masterKeyCheckAad()));
  }

  verifyMasterKeyCheck(check: Buffer): void {
    const opened = decryptAes256Gcm(this.masterKey, fromBlob(check), masterKeyCheckAad());
    if (opened === undefined) throw new MasterKeyMismatchError('the key vault');
    opened.fill(0);
  }
}

function toBlob({ iv, data }: AesGcmCiphertext): Buffer {
  return Buffer.concat([iv, data]);
}

function fromBlob(blob: Buffer): AesGcmCiphertext {
  return { iv: blob.subarray(0, GCM_IV_BYTES), data: blob.subarray(GCM_IV_BYTES) };
}
