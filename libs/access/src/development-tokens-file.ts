import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROLES, type Role } from '@bluehelm/contracts';
import { replaceFileAtomically } from './atomic-files.js';
import { DEVELOPMENT_IDENTITIES } from './development-identities.js';
import { ensureDevelopmentKey } from './development-key.js';
import { signDevelopmentToken } from './development-token.js';

export const DEVELOPMENT_TOKENS_FILE = 'dev-tokens.json';
/** Long enough that a development database outlives a working month without new tokens. */
export const DEVELOPMENT_TOKEN_LIFETIME = '30d';

/**
 * Writes `<dataDir>/dev-tokens.json`, `{ "<role>": "<token>" }` for each DEVELOPMENT_IDENTITIES
 * entry, readable by its owner only (the tokens are credentials), and returns the tokens.
 */
export async function writeDevelopmentTokens(dataDir: string, devKeyDir: string): Promise<Record<Role, string>> {
  const key = await ensureDevelopmentKey(devKeyDir);
  const entries = await Promise.all(
    ROLES.map(async (role) => {
      const token = await signDevelopmentToken(key, DEVELOPMENT_IDENTITIES[role], {
        expiresIn: DEVELOPMENT_TOKEN_LIFETIME,
      });
      return [role, token] as const;
    }),
  );
  const tokens = Object.fromEntries(entries) as Record<Role, string>;
  await mkdir(dataDir, { recursive: true });
  await replaceFileAtomically(join(dataDir, DEVELOPMENT_TOKENS_FILE), `${JSON.stringify(tokens, null, 2)}\n`, 0o600);
  return tokens;
}
