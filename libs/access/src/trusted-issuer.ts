import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { AuthSettingsError } from './access.errors.js';
import { ensureDevelopmentKey } from './development-key.js';
import { DEVELOPMENT_AUDIENCE, DEVELOPMENT_ISSUER } from './verification-policy.js';

/** The AUTH_* settings of ServiceConfig, under names free of the environment. */
export interface TokenVerifierSettings {
  /** AUTH_JWKS_URL: the identity provider's keys. Unset: the development key signs and verifies. */
  readonly jwksUrl?: string | undefined;
  /** AUTH_ISSUER: required with jwksUrl. */
  readonly issuer?: string | undefined;
  /** AUTH_AUDIENCE: required with jwksUrl. */
  readonly audience?: string | undefined;
  /** AUTH_DEV_KEY_DIR: where the development key lives when jwksUrl is unset. */
  readonly devKeyDir: string;
}

/** Whose tokens are accepted: the keys that may sign them, and the iss and aud they must carry. */
export interface TrustedIssuer {
  readonly mode: 'identity-provider' | 'development';
  readonly keys: JWTVerifyGetKey;
  readonly issuer: string;
  readonly audience: string;
}

/**
 * With a JWKS URL, a real identity provider, whose issuer and audience must be named: without
 * them any token signed by that provider, for any application, would pass. Without one, the
 * development key; its issuer and audience are fixed, so AUTH_ISSUER and AUTH_AUDIENCE are unused.
 */
export async function trustedIssuerFor(settings: TokenVerifierSettings): Promise<TrustedIssuer> {
  const jwksUrl = present(settings.jwksUrl);
  if (jwksUrl === undefined) {
    const key = await ensureDevelopmentKey(settings.devKeyDir);
    return {
      mode: 'development',
      keys: createLocalJWKSet({ keys: [key.publicJwk] }),
      issuer: DEVELOPMENT_ISSUER,
      audience: DEVELOPMENT_AUDIENCE,
    };
  }
  const issuer = present(settings.issuer);
  if (issuer === undefined) throw new AuthSettingsError('AUTH_ISSUER (issuer) must be set when AUTH_JWKS_URL is set');
  const audience = present(settings.audience);
  if (audience === undefined) throw new AuthSettingsError('AUTH_AUDIENCE (audience) must be set when AUTH_JWKS_URL is set');
  return { mode: 'identity-provider', keys: createRemoteJWKSet(jwksUrlOf(jwksUrl)), issuer, audience };
}

function jwksUrlOf(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AuthSettingsError('AUTH_JWKS_URL (jwksUrl) must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AuthSettingsError('AUTH_JWKS_URL (jwksUrl) must be an http(s) URL');
  }
  return url;
}

/** An empty environment variable means "not set". */
function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
