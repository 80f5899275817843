import { errors } from 'jose';
import { ACCEPTED_ALGORITHMS } from './verification-policy.js';

/**
 * Why jose refused a token, in words for the caller; undefined when the failure is not the
 * token's fault (keys could not be fetched, or an unexpected error). Nothing from the token is
 * repeated: the header and claims are the sender's words, not ours.
 */
export function tokenFailureReason(error: unknown): string | undefined {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return claimFailureReason(error);
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return `the token's signing algorithm is not accepted (accepted: ${ACCEPTED_ALGORITHMS.join(', ')})`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is not signed by a trusted key';
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'the token does not say which trusted key signed it';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'the token is malformed';
  if (error instanceof errors.JOSENotSupported) return 'the token uses an unsupported algorithm or header';
  return undefined;
}

function claimFailureReason(error: InstanceType<typeof errors.JWTClaimValidationFailed>): string {
  if (error.reason === 'missing') return `the token has no ${error.claim} claim`;
  switch (error.claim) {
    case 'nbf':
      return 'the token is not valid yet';
    case 'iss':
      return 'the token was not issued by the expected issuer';
    case 'aud':
      return 'the token is not meant for this audience';
    default:
      return `the token's ${error.claim} claim is not valid`;
  }
}
