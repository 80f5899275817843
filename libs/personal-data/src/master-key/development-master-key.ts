import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AES_256_KEY_BYTES } from '../aes-256-gcm.js';
import { parseMasterKeyText } from './master-key-text.js';

export const DEVELOPMENT_MASTER_KEY_FILE = 'master.key';

/**
 * The development master key in `<dir>/master.key`, created on first use. Several processes
 * may start at once: each writes a complete candidate to a private temporary file, and
 * hard-links it to the final name, which fails if the name exists. So the file appears in one
 * step, fully written, and the first process to link it wins; everyone then reads that file.
 * (A rename would replace a key another process may already be using.)
 */
export async function developmentMasterKey(dir: string): Promise<Buffer> {
  const path = join(dir, DEVELOPMENT_MASTER_KEY_FILE);
  const setting = `the development master key ${path}`;
  const existing = await readIfPresent(path);
  if (existing !== undefined) return parseMasterKeyText(existing, setting);

  await mkdir(dir, { recursive: true, mode: 0o700 });
  const candidate = join(dir, `.${DEVELOPMENT_MASTER_KEY_FILE}.${process.pid}.${randomUUID()}.tmp`);
  try {
    const file = await open(candidate, 'wx', 0o600);
    try {
      await file.writeFile(`${randomBytes(AES_256_KEY_BYTES).toString('base64')}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    await link(candidate, path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(candidate, { force: true });
  }
  return parseMasterKeyText(await readFile(path, 'utf8'), setting);
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
