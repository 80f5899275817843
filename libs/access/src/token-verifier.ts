import { principalFromClaims, type Principal } from '@bluehelm/contracts';
import { jwtVerify, type JWTPayload } from 'jose';
import { InvalidTokenError, VerificationUnavailableError } from './access.errors.js';
import { bearerTokenOf } from './bearer-token.js';
import { tokenFailureReason } from './token-failure-reason.js';
import { trustedIssuerFor, type TokenVerifierSettings, type TrustedIssuer } from './trusted-issuer.js';
import { VerifiedTokenCache } from './verified-token-cache.js';
import {
  ACCEPTED_ALGORITHMS,
  CLOCK_TOLERANCE_SECONDS,
  REQUIRED_CLAIMS,
  VERIFIED_TOKEN_CACHE_SIZE,
} from './verification-policy.js';

export interface TokenVerifierOptions {
  /** Milliseconds since the epoch; tests move it to expire tokens without waiting. */
  readonly clock?: () => number;
  readonly cacheSize?: number;
}

/**
 * Turns a bearer token into the Principal it describes, or throws InvalidTokenError (401) or
 * VerificationUnavailableError (503). The gateway and every service hold one and verify the
 * token themselves.
 */
export class TokenVerifier {
  private constructor(
    private readonly trusted: TrustedIssuer,
    private readonly cache: VerifiedTokenCache,
    private readonly clock: () => number,
  ) {}

  static async create(settings: TokenVerifierSettings, options: TokenVerifierOptions = {}): Promise<TokenVerifier> {
    const clock = options.clock ?? Date.now;
    const trusted = await trustedIssuerFor(settings);
    return new TokenVerifier(trusted, new VerifiedTokenCache(options.cacheSize ?? VERIFIED_TOKEN_CACHE_SIZE, clock), clock);
  }

  /** Which keys this verifier trusts: an identity provider's, or the development key. */
  get mode(): TrustedIssuer['mode'] {
    return this.trusted.mode;
  }

  async principalOfAuthorization(header: string | undefined): Promise<Principal> {
    if (header === undefined || header.trim() === '') throw new InvalidTokenError('the Authorization header is missing');
    const token = bearerTokenOf(header);
    if (token === undefined) throw new InvalidTokenError('the Authorization header does not hold a Bearer token');
    return this.verify(token);
  }

  async verify(token: string): Promise<Principal> {
    const cached = this.cache.principalOf(token);
    if (cached !== undefined) return cached;
    const claims = await this.verifiedClaims(token);
    const check = principalFromClaims(claims);
    if ('refused' in check) throw new InvalidTokenError(check.refused);
    // requiredClaims makes jose refuse a token without a numeric exp.
    this.cache.remember(token, check.principal, (claims.exp as number) * 1000);
    return check.principal;
  }

  private async verifiedClaims(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, this.trusted.keys, {
        algorithms: [...ACCEPTED_ALGORITHMS],
        issuer: this.trusted.issuer,
        audience: this.trusted.audience,
        requiredClaims: [...REQUIRED_CLAIMS],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(this.clock()),
      });
      return payload;
    } catch (error) {
      const reason = tokenFailureReason(error);
      if (reason !== undefined) throw new InvalidTokenError(reason);
      throw new VerificationUnavailableError(error);
    }
  }
}
