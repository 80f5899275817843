import type { Clearance, Role } from '@bluehelm/contracts';
import { SignJWT } from 'jose';
import { DEVELOPMENT_KEY_ALGORITHM, ensureDevelopmentKey, type DevelopmentKey } from './development-key.js';
import { DEVELOPMENT_AUDIENCE, DEVELOPMENT_ISSUER } from './verification-policy.js';

/** What a development token says about its bearer: the claims principalFromClaims reads. */
export interface DevelopmentClaims {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly missions?: readonly string[];
  readonly memberState?: string;
  readonly clearance?: readonly Clearance[];
}

/**
 * Durations are a number of seconds from now or a jose duration string ("30d", "2 hours",
 * "-1h", "5 minutes ago"). The defaults make a token the development verifier accepts; tests
 * change them to make expired, not-yet-valid or foreign tokens.
 */
export interface DevelopmentTokenOptions {
  /** Default one hour. */
  readonly expiresIn?: string | number | undefined;
  readonly notBefore?: string | number | undefined;
  readonly audience?: string | undefined;
  readonly issuer?: string | undefined;
}

const DEFAULT_LIFETIME = '1h';

/** A token signed with the development key of `devKeyDir` (made if missing). */
export async function issueDevelopmentToken(
  devKeyDir: string,
  claims: DevelopmentClaims,
  options: DevelopmentTokenOptions = {},
): Promise<string> {
  return signDevelopmentToken(await ensureDevelopmentKey(devKeyDir), claims, options);
}

export async function signDevelopmentToken(
  key: DevelopmentKey,
  claims: DevelopmentClaims,
  options: DevelopmentTokenOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = new SignJWT({
    roles: [...claims.roles],
    ...(claims.missions !== undefined && { missions: [...claims.missions] }),
    ...(claims.memberState !== undefined && { memberState: claims.memberState }),
    ...(claims.clearance !== undefined && { clearance: [...claims.clearance] }),
  })
    .setProtectedHeader({ alg: DEVELOPMENT_KEY_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(options.issuer ?? DEVELOPMENT_ISSUER)
    .setAudience(options.audience ?? DEVELOPMENT_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(instantOf(options.expiresIn ?? DEFAULT_LIFETIME, now));
  if (options.notBefore !== undefined) token.setNotBefore(instantOf(options.notBefore, now));
  return token.sign(key.privateKey);
}

/** jose reads a number as an instant and a string as a span from now; here both are spans. */
function instantOf(span: string | number, now: number): string | number {
  return typeof span === 'number' ? now + span : span;
}
