import { readFile } from 'node:fs/promises';
import { developmentMasterKey } from './development-master-key.js';
import { InvalidMasterKeySettingError } from './master-key.errors.js';
import { parseMasterKeyText } from './master-key-text.js';

export interface MasterKeySettings {
  /** PERSONAL_DATA_MASTER_KEY: base64 of 32 bytes. */
  readonly masterKey?: string | undefined;
  /** PERSONAL_DATA_MASTER_KEY_FILE: a file holding that base64 text (a mounted secret, say). */
  readonly masterKeyFile?: string | undefined;
  /** Where the development master key is kept when neither setting is given. */
  readonly devKeyDir: string;
}

/**
 * The master key that wraps every data key. An empty setting is an error rather than "unset":
 * falling back to a development key because a secret failed to arrive would seal real data
 * under a key nobody backs up.
 */
export async function loadMasterKey(settings: MasterKeySettings): Promise<Buffer> {
  const { masterKey, masterKeyFile, devKeyDir } = settings;
  if (masterKey !== undefined && masterKeyFile !== undefined) {
    throw new InvalidMasterKeySettingError(
      'PERSONAL_DATA_MASTER_KEY',
      'PERSONAL_DATA_MASTER_KEY_FILE is set too; set one of them only',
    );
  }
  if (masterKey !== undefined) return parseMasterKeyText(masterKey, 'PERSONAL_DATA_MASTER_KEY');
  if (masterKeyFile !== undefined) return parseMasterKeyText(await readKeyFile(masterKeyFile), `PERSONAL_DATA_MASTER_KEY_FILE (${masterKeyFile})`);
  return developmentMasterKey(devKeyDir);
}

async function readKeyFile(path: string): Promise<string> {
  if (path.trim() === '') throw new InvalidMasterKeySettingError('PERSONAL_DATA_MASTER_KEY_FILE', 'it is empty');
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new InvalidMasterKeySettingError(`PERSONAL_DATA_MASTER_KEY_FILE (${path})`, `the file cannot be read (${code})`);
  }
}
