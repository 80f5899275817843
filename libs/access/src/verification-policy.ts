/**
 * Asymmetric algorithms only: a symmetric one (HS256) would let anyone holding the verification
 * secret mint tokens, and `none` signs nothing. jose refuses every other `alg` before any key is used.
 */
export const ACCEPTED_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

/** Clocks of the identity provider and of our hosts drift apart a little; exp and nbf allow for it. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** A token without exp would be valid forever. */
export const REQUIRED_CLAIMS = ['exp'] as const;

/** Tokens remembered as verified; the oldest is forgotten first. */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/** What development tokens carry, and what a verifier without an identity provider expects. */
export const DEVELOPMENT_ISSUER = 'bluehelm-development';
export const DEVELOPMENT_AUDIENCE = 'bluehelm';
