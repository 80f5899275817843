/** `Bearer <token>` (RFC 6750): the scheme is case-insensitive and the token one run of non-spaces. */
const BEARER = /^\s*bearer\s+(\S+)\s*$/i;

/** The token of an Authorization header, or undefined when the header carries no bearer token. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return BEARER.exec(header)?.[1];
}
