export { AuthSettingsError, DevelopmentKeyFileError, InvalidTokenError, VerificationUnavailableError } from './access.errors.js';
export { bearerTokenOf } from './bearer-token.js';
export { TokenVerifier, type TokenVerifierOptions } from './token-verifier.js';
export type { TokenVerifierSettings } from './trusted-issuer.js';
export {
  ACCEPTED_ALGORITHMS,
  CLOCK_TOLERANCE_SECONDS,
  DEVELOPMENT_AUDIENCE,
  DEVELOPMENT_ISSUER,
  VERIFIED_TOKEN_CACHE_SIZE,
} from './verification-policy.js';
export {
  DEVELOPMENT_PRIVATE_KEY_FILE,
  DEVELOPMENT_PUBLIC_KEY_FILE,
  ensureDevelopmentKey,
  type DevelopmentKey,
} from './development-key.js';
export {
  issueDevelopmentToken,
  signDevelopmentToken,
  type DevelopmentClaims,
  type DevelopmentTokenOptions,
} from './development-token.js';
export { DEVELOPMENT_IDENTITIES } from './development-identities.js';
export { DEVELOPMENT_TOKENS_FILE, writeDevelopmentTokens } from './development-tokens-file.js';
