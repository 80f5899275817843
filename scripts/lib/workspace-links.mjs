import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Importable workspace packages (those with `exports`: contracts and libs) that npm has not
 * linked into node_modules yet, as happens after a new project folder is added: nothing can
 * import them until `npm install` runs again. Services are never imported, so they do not count.
 */
export function unlinkedWorkspacePackages(root) {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return workspaces
    .flatMap((pattern) => workspaceDirs(root, pattern))
    .map((dir) => join(root, dir, 'package.json'))
    .filter((manifest) => existsSync(manifest))
    .map((manifest) => JSON.parse(readFileSync(manifest, 'utf8')))
    .filter((pkg) => typeof pkg.name === 'string' && pkg.exports !== undefined)
    .map((pkg) => pkg.name)
    .filter((name) => !existsSync(join(root, 'node_modules', name)));
}

/** Only the two forms the root package.json uses: `dir` and `dir/*`. */
function workspaceDirs(root, pattern) {
  if (!pattern.endsWith('/*')) return [pattern];
  const parent = pattern.slice(0, -2);
  if (!existsSync(join(root, parent))) return [];
  return readdirSync(join(root, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}`);
}
