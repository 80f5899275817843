import { existsSync, statSync } from 'node:fs';
import { runOrExit } from './run-command.mjs';

/**
 * Installs the npm dependencies when they are missing or older than the lock file,
 * so that both commands work on a fresh clone with only Node and npm.
 */
export function ensureDependencies(root) {
  const installed = `${root}/node_modules/.package-lock.json`;
  const lock = `${root}/package-lock.json`;
  if (!existsSync(installed)) {
    console.log('Installing dependencies (first run; builds better-sqlite3 from source, about two minutes)...');
    // `npm install` rather than `npm ci`: it follows the lock file too, and tolerates the
    // platform-specific optional packages (swc, nx) that a lock written on one OS leaves out.
    runOrExit('npm', ['install', '--no-audit', '--no-fund'], { cwd: root });
  } else if (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
    console.log('package-lock.json changed: installing dependencies...');
    runOrExit('npm', ['install', '--no-audit', '--no-fund'], { cwd: root });
  }
}
