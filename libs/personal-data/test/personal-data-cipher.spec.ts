import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { ERASED, REDACTED } from '@bluehelm/contracts';
import {
  isSealedValue,
  type JsonPath,
  type KeyVault,
  MemoryKeyVault,
  PersonalDataCipher,
  type SealedValue,
  SealedValueRejectedError,
  UnknownDataKeyError,
} from '../src/index.js';

const erasure = { reason: 'court order', erasedBy: 'user:registrar-1', erasedAt: '2031-04-01T10:00:00.000Z' };

/** The real vault, with its key look-ups counted. */
class CountingVault implements KeyVault {
  keyLookups: string[] = [];
  constructor(private readonly inner: KeyVault) {}
  activeKey(scope: string) {
    return this.inner.activeKey(scope);
  }
  keyOf(keyId: string) {
    this.keyLookups.push(keyId);
    return this.inner.keyOf(keyId);
  }
  erase(scope: string, record: typeof erasure) {
    return this.inner.erase(scope, record);
  }
  erasureOf(scope: string) {
    return this.inner.erasureOf(scope);
  }
  close() {
    return this.inner.close();
  }
}

describe('PersonalDataCipher', () => {
  let vault: CountingVault;
  let cipher: PersonalDataCipher;

  beforeEach(() => {
    vault = new CountingVault(new MemoryKeyVault(randomBytes(32)));
    cipher = new PersonalDataCipher(vault);
  });

  describe('seal and open', () => {
    it('round-trips text, accents and all, under the scope\'s key', async () => {
      const sealed = await cipher.seal('case-1', 'Amélie Ndiaye-Ødegård');
      expect(isSealedValue(sealed)).toBe(true);
      expect(sealed.key).toBe((await vault.activeKey('case-1')).keyId);
      expect(JSON.stringify(sealed)).not.toContain('Ndiaye');
      expect(await cipher.open(sealed)).toEqual({ readable: true, value: 'Amélie Ndiaye-Ødegård' });
    });

    it('uses a fresh IV each time, so equal names do not look equal', async () => {
      const [a, b] = [await cipher.seal('case-1', 'same'), await cipher.seal('case-1', 'same')];
      expect(a.iv).not.toBe(b.iv);
      expect(a.data).not.toBe(b.data);
    });

    it('refuses a ciphertext with one bit flipped', async () => {
      const sealed = await cipher.seal('case-1', 'name');
      const data = Buffer.from(sealed.data, 'base64url');
      data[0]! ^= 1;
      await expect(cipher.open({ ...sealed, data: data.toString('base64url') })).rejects.toThrow(SealedValueRejectedError);
    });

    it('refuses a sealed value whose IV or tag was changed', async () => {
      const sealed = await cipher.seal('case-1', 'name');
      const iv = Buffer.from(sealed.iv, 'base64url');
      iv[11]! ^= 0x80;
      await expect(cipher.open({ ...sealed, iv: iv.toString('base64url') })).rejects.toThrow(SealedValueRejectedError);
      await expect(cipher.open({ ...sealed, data: sealed.data.slice(0, -4) })).rejects.toThrow(SealedValueRejectedError);
    });

    it('refuses a sealed value moved to another case\'s key', async () => {
      const fromA = await cipher.seal('case-a', 'name');
      const fromB = await cipher.seal('case-b', 'other');
      const moved: SealedValue = { ...fromA, key: fromB.key };
      await expect(cipher.open(moved)).rejects.toThrow(SealedValueRejectedError);
    });

    it('names the likely cause when the key id is unknown to the vault', async () => {
      const sealed = await cipher.seal('case-1', 'name');
      const elsewhere = new PersonalDataCipher(new MemoryKeyVault(randomBytes(32)));
      await expect(elsewhere.open(sealed)).rejects.toThrow(UnknownDataKeyError);
      await expect(elsewhere.open(sealed)).rejects.toThrow(/KEY_VAULT_URL/);
    });

    it('reports erased once the case was erased, and seals new data under a new key', async () => {
      const before = await cipher.seal('case-1', 'name');
      await vault.erase('case-1', erasure);
      expect(await cipher.open(before)).toEqual({ readable: false, reason: 'erased' });
      const after = await cipher.seal('case-1', 'new name');
      expect(after.key).not.toBe(before.key);
      expect(await cipher.open(after)).toEqual({ readable: true, value: 'new name' });
    });
  });

  describe('fields of an event', () => {
    const event = {
      incidentId: 'inc-7',
      casualties: [
        { name: 'A', nationality: 'FRA' },
        { name: 'C', nationality: 'SEN', rank: 3 },
      ],
      perpetrators: [{ name: 'B' }, { alias: 'unknown' }],
      witness: { name: 42 },
    };
    type Event = typeof event;
    const isPersonal = (path: JsonPath) =>
      path.length === 3 && (path[0] === 'casualties' || path[0] === 'perpetrators') && path[2] === 'name';

    it('seals every string at a personal path and nothing else', async () => {
      const sealed = await cipher.sealFields(event, 'case-7', isPersonal);
      expect(sealed).toEqual({
        incidentId: 'inc-7',
        casualties: [
          { name: expect.objectContaining({ $sealed: 'A256GCM' }), nationality: 'FRA' },
          { name: expect.objectContaining({ $sealed: 'A256GCM' }), nationality: 'SEN', rank: 3 },
        ],
        perpetrators: [{ name: expect.objectContaining({ $sealed: 'A256GCM' }) }, { alias: 'unknown' }],
        witness: { name: 42 },
      });
      expect(JSON.stringify(sealed)).not.toMatch(/"name":"[ABC]"/);
      expect(event.casualties[0]!.name).toBe('A');
    });

    it('seals the fields of one event under the scope\'s one key', async () => {
      const sealed = await cipher.sealFields(event, 'case-7', isPersonal);
      const keys = new Set([sealed.casualties[0]!.name, sealed.casualties[1]!.name, sealed.perpetrators[0]!.name].map((n) => (n as unknown as SealedValue).key));
      expect(keys).toEqual(new Set([(await vault.activeKey('case-7')).keyId]));
    });

    it('creates no key for data without personal strings', async () => {
      const untouched = { casualties: [], perpetrators: [{ alias: 'x' }] };
      expect(await cipher.sealFields(untouched, 'case-empty', isPersonal)).toBe(untouched);
      expect(await vault.erase('case-empty', erasure)).toEqual({ keysDestroyed: 0 });
    });

    it('reveals everything in clear mode, fetching each key once per call', async () => {
      const sealed = await cipher.sealFields(event, 'case-7', isPersonal);
      const other = { ...sealed, related: { name: await cipher.seal('case-8', 'D') } };
      vault.keyLookups = [];
      const revealed = await cipher.revealFields(other, 'clear');
      expect(revealed).toEqual({ ...event, related: { name: 'D' } });
      expect(vault.keyLookups.sort()).toEqual([sealed.casualties[0]!.name, other.related.name].map((n) => (n as unknown as SealedValue).key).sort());
    });

    it('redacts every sealed value in redact mode without asking the vault', async () => {
      const sealed = await cipher.sealFields(event, 'case-7', isPersonal);
      vault.keyLookups = [];
      const redacted = await cipher.revealFields(sealed, 'redact');
      expect(redacted).toEqual({
        ...event,
        casualties: [
          { name: REDACTED, nationality: 'FRA' },
          { name: REDACTED, nationality: 'SEN', rank: 3 },
        ],
        perpetrators: [{ name: REDACTED }, { alias: 'unknown' }],
      });
      expect(vault.keyLookups).toEqual([]);
    });

    it('shows ERASED in clear mode and REDACTED in redact mode once the case was erased', async () => {
      const sealed = await cipher.sealFields(event, 'case-7', isPersonal);
      const kept = await cipher.seal('case-8', 'D');
      await vault.erase('case-7', erasure);
      const mixed = { ...sealed, related: kept };
      const clear = await cipher.revealFields(mixed, 'clear');
      expect(clear.casualties.map((c) => c.name)).toEqual([ERASED, ERASED]);
      expect(clear.perpetrators[0]!.name).toBe(ERASED);
      expect(clear.related).toBe('D');
      const redacted = await cipher.revealFields(mixed, 'redact');
      expect([redacted.casualties[0]!.name, redacted.related]).toEqual([REDACTED, REDACTED]);
    });

    it('returns data without sealed values as it was', async () => {
      const plain: Event = event;
      expect(await cipher.revealFields(plain, 'clear')).toBe(plain);
    });

    it('refuses to reveal an event in which one sealed value was altered', async () => {
      const sealed = await cipher.sealFields(event, 'case-7', isPersonal);
      const name = sealed.perpetrators[0]!.name as unknown as SealedValue;
      const data = `${name.data.startsWith('A') ? 'B' : 'A'}${name.data.slice(1)}`;
      const altered = { ...sealed, perpetrators: [{ name: { ...name, data } }] };
      await expect(cipher.revealFields(altered, 'clear')).rejects.toThrow(SealedValueRejectedError);
    });
  });
});
