import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';

/**
 * Writes `content` to `path` only if no file is there yet: the content goes to a temporary file
 * first and is then hard-linked into place, which fails with EEXIST when another process got
 * there first. Readers of `path` therefore only ever see a complete file.
 */
export async function createFileExclusively(path: string, content: string, mode: number): Promise<'created' | 'exists'> {
  const temporary = await writeTemporaryFile(path, content, mode);
  try {
    await link(temporary, path);
    return 'created';
  } catch (error) {
    if (isErrorCode(error, 'EEXIST')) return 'exists';
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** Replaces `path` with `content` at once (rename is atomic): readers see the old or the new file. */
export async function replaceFileAtomically(path: string, content: string, mode: number): Promise<void> {
  const temporary = await writeTemporaryFile(path, content, mode);
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Duck-typed: errors of node's own modules may come from another realm (a vm context, Jest). */
export function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** Beside the target (a rename or link cannot cross file systems), flushed to disk before use. */
async function writeTemporaryFile(path: string, content: string, mode: number): Promise<string> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', mode);
  try {
    await handle.writeFile(content, 'utf8');
    // The mode given to open is reduced by the umask; chmod states it exactly.
    await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temporary;
}
