import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { InvalidMasterKeySettingError, loadMasterKey } from '../src/index.js';

describe('loadMasterKey', () => {
  const folder = mkdtempSync(join(tmpdir(), 'bluehelm-master-key-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let dirCounter = 0;
  const freshDir = () => join(folder, `dev-${++dirCounter}`, 'nested');
  const key = randomBytes(32);

  it('decodes PERSONAL_DATA_MASTER_KEY, in base64 or base64url, around stray whitespace', async () => {
    expect(await loadMasterKey({ masterKey: key.toString('base64'), devKeyDir: freshDir() })).toEqual(key);
    expect(await loadMasterKey({ masterKey: ` ${key.toString('base64url')}\n`, devKeyDir: freshDir() })).toEqual(key);
  });

  it('reads PERSONAL_DATA_MASTER_KEY_FILE', async () => {
    const file = join(folder, 'secret');
    writeFileSync(file, `${key.toString('base64')}\n`);
    expect(await loadMasterKey({ masterKeyFile: file, devKeyDir: freshDir() })).toEqual(key);
  });

  it.each([
    ['not base64', 'not a key!', /PERSONAL_DATA_MASTER_KEY is not usable: it is not base64/],
    ['16 bytes', randomBytes(16).toString('base64'), /PERSONAL_DATA_MASTER_KEY .*decodes to 16 bytes, not 32/],
    ['33 bytes', randomBytes(33).toString('base64'), /decodes to 33 bytes, not 32/],
    ['an empty value', '', /PERSONAL_DATA_MASTER_KEY is not usable: it is empty/],
  ])('refuses %s in PERSONAL_DATA_MASTER_KEY, naming the setting', async (_label, masterKey, message) => {
    const devKeyDir = freshDir();
    const loading = loadMasterKey({ masterKey, devKeyDir });
    await expect(loading).rejects.toThrow(InvalidMasterKeySettingError);
    await expect(loadMasterKey({ masterKey, devKeyDir })).rejects.toThrow(message);
  });

  it('refuses a missing or malformed key file, naming the setting and the file', async () => {
    const missing = join(folder, 'missing');
    await expect(loadMasterKey({ masterKeyFile: missing, devKeyDir: freshDir() })).rejects.toThrow(
      `PERSONAL_DATA_MASTER_KEY_FILE (${missing}) is not usable: the file cannot be read (ENOENT)`,
    );
    const short = join(folder, 'short');
    writeFileSync(short, randomBytes(31).toString('base64'));
    await expect(loadMasterKey({ masterKeyFile: short, devKeyDir: freshDir() })).rejects.toThrow(
      `PERSONAL_DATA_MASTER_KEY_FILE (${short}) is not usable: it decodes to 31 bytes`,
    );
  });

  it('refuses both settings at once rather than guess', async () => {
    await expect(
      loadMasterKey({ masterKey: key.toString('base64'), masterKeyFile: join(folder, 'secret'), devKeyDir: freshDir() }),
    ).rejects.toThrow(/set one of them only/);
  });

  describe('without a setting', () => {
    it('creates one development key, readable by its owner only, and keeps using it', async () => {
      const devKeyDir = freshDir();
      const first = await loadMasterKey({ devKeyDir });
      expect(first).toHaveLength(32);
      expect(statSync(join(devKeyDir, 'master.key')).mode & 0o777).toBe(0o600);
      expect(await loadMasterKey({ devKeyDir })).toEqual(first);
      expect(await loadMasterKey({ devKeyDir: freshDir() })).not.toEqual(first);
    });

    it('gives processes starting at once the same key and leaves no temporary file behind', async () => {
      const devKeyDir = freshDir();
      const keys = await Promise.all(Array.from({ length: 12 }, () => loadMasterKey({ devKeyDir })));
      for (const each of keys) expect(each).toEqual(keys[0]);
      expect(readdirSync(devKeyDir)).toEqual(['master.key']);
    });

    it('refuses a development key file that was damaged, naming the file', async () => {
      const devKeyDir = freshDir();
      await loadMasterKey({ devKeyDir });
      writeFileSync(join(devKeyDir, 'master.key'), 'garbage');
      await expect(loadMasterKey({ devKeyDir })).rejects.toThrow(`the development master key ${join(devKeyDir, 'master.key')}`);
    });
  });
});
