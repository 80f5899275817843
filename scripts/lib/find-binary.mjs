import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where OS packages put server binaries that are often missing from a user's PATH. */
export const SYSTEM_BINARY_DIRS = ['/usr/sbin', '/usr/local/bin', '/usr/local/sbin', '/usr/bin', '/sbin'];

/**
 * The path of an executable named `name` in PATH or in `extraDirs`, or undefined.
 * @param {string} name
 * @param {readonly string[]} [extraDirs]
 * @returns {string | undefined}
 */
export function findBinary(name, extraDirs = SYSTEM_BINARY_DIRS) {
  const pathDirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const dir of [...pathDirs, ...extraDirs]) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}
