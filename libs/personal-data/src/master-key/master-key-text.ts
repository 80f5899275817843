import { AES_256_KEY_BYTES } from '../aes-256-gcm.js';
import { InvalidMasterKeySettingError } from './master-key.errors.js';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The 32-byte key a setting holds as base64 (base64url accepted too). Strict, because Node's
 * decoder skips characters it does not know: a mistyped key would silently become another key.
 */
export function parseMasterKeyText(text: string, setting: string): Buffer {
  const trimmed = text.trim();
  if (trimmed === '') throw new InvalidMasterKeySettingError(setting, 'it is empty');
  const encoding = BASE64.test(trimmed) ? 'base64' : BASE64URL.test(trimmed) ? 'base64url' : undefined;
  if (encoding === undefined || trimmed.replace(/=+$/, '').length % 4 === 1) {
    throw new InvalidMasterKeySettingError(setting, 'it is not base64');
  }
  const key = Buffer.from(trimmed, encoding);
  if (key.length !== AES_256_KEY_BYTES) {
    throw new InvalidMasterKeySettingError(setting, `it decodes to ${key.length} bytes, not ${AES_256_KEY_BYTES}`);
  }
  return key;
}
