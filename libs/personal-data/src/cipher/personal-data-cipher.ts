import { ERASED, REDACTED } from '@bluehelm/contracts';
import type { KeyVault } from '../key-vault/key-vault.port.js';
import { isSealedValue, type SealedValue } from '../sealed-value.js';
import { UnknownDataKeyError } from './cipher.errors.js';
import { openWithKey, sealWithKey } from './field-sealing.js';
import { findInJson, type JsonPath, KEEP, replaceInJson } from './json-tree.js';

export type OpenedValue = { readonly readable: true; readonly value: string } | { readonly readable: false; readonly reason: 'erased' };

/**
 * 'clear': the plaintext, or ERASED where the case's keys were destroyed.
 * 'redact': REDACTED for every sealed value, erased or not, without touching the vault: a
 * reader without clearance learns nothing from the difference, and needs no key.
 */
export type RevealMode = 'clear' | 'redact';

/**
 * Seals personal fields with their case's data key and opens them again. Plaintext keys live
 * only for the duration of one call and are zeroed when it ends; the next call asks the vault
 * again, so an erasure made by any process holds at once.
 */
export class PersonalDataCipher {
  constructor(private readonly vault: KeyVault) {}

  async seal(scope: string, plaintext: string): Promise<SealedValue> {
    const { keyId, key } = await this.vault.activeKey(scope);
    try {
      return sealWithKey(keyId, key, plaintext);
    } finally {
      key.fill(0);
    }
  }

  async open(sealed: SealedValue): Promise<OpenedValue> {
    const key = await this.requireKey(sealed.key);
    if (key === 'erased') return { readable: false, reason: 'erased' };
    try {
      return { readable: true, value: openWithKey(key, sealed) };
    } finally {
      key.fill(0);
    }
  }

  /**
   * A copy of `value` with every string at a personal path sealed. `isPersonal` is asked about
   * string nodes only; values that are absent, not strings or already sealed are left as they
   * are. Data without personal strings is returned unchanged and creates no key.
   */
  async sealFields<T>(value: T, scope: string, isPersonal: (path: JsonPath) => boolean): Promise<T> {
    const isPersonalText = (node: unknown, path: JsonPath): node is string => typeof node === 'string' && isPersonal(path);
    if (findInJson(value, isPersonalText).length === 0) return value;
    const { keyId, key } = await this.vault.activeKey(scope);
    try {
      return replaceInJson(value, (node, path) => (isPersonalText(node, path) ? sealWithKey(keyId, key, node) : KEEP)) as T;
    } finally {
      key.fill(0);
    }
  }

  /** A copy of `value` with every sealed value, at any depth, revealed as `mode` says. */
  async revealFields<T>(value: T, mode: RevealMode): Promise<T> {
    if (mode === 'redact') return replaceInJson(value, (node) => (isSealedValue(node) ? REDACTED : KEEP)) as T;
    const sealed = findInJson(value, isSealedValue);
    if (sealed.length === 0) return value;
    const keys = await this.keysOf(new Set(sealed.map((field) => field.key)));
    try {
      return replaceInJson(value, (node) => {
        if (!isSealedValue(node)) return KEEP;
        const key = keys.get(node.key) as Buffer | 'erased';
        return key === 'erased' ? ERASED : openWithKey(key, node);
      }) as T;
    } finally {
      for (const key of keys.values()) if (key !== 'erased') key.fill(0);
    }
  }

  /** Each key once, however many fields it sealed (the fields of one case share one key). */
  private async keysOf(keyIds: ReadonlySet<string>): Promise<Map<string, Buffer | 'erased'>> {
    const results = await Promise.allSettled([...keyIds].map(async (keyId) => [keyId, await this.requireKey(keyId)] as const));
    const keys = new Map<string, Buffer | 'erased'>();
    for (const result of results) if (result.status === 'fulfilled') keys.set(...result.value);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure !== undefined) {
      for (const key of keys.values()) if (key !== 'erased') key.fill(0);
      throw failure.reason;
    }
    return keys;
  }

  private async requireKey(keyId: string): Promise<Buffer | 'erased'> {
    const key = await this.vault.keyOf(keyId);
    if (key === undefined) throw new UnknownDataKeyError(keyId);
    return key;
  }
}
