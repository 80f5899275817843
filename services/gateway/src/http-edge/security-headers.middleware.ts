import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sent on every answer: the usual defence in depth for an API that browsers may reach. */
const BASE_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-DNS-Prefetch-Control', 'off'],
];

/** JSON answers load nothing, so nothing may be loaded in their name. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Swagger UI loads its own scripts and styles and styles elements inline; nothing else. */
const DOCS_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export function securityHeaders(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  for (const [name, value] of BASE_HEADERS) response.setHeader(name, value);
  const isDocs = request.url === '/docs' || request.url?.startsWith('/docs/') === true;
  response.setHeader('Content-Security-Policy', isDocs ? DOCS_POLICY : API_POLICY);
  response.removeHeader('X-Powered-By');
  next();
}
