import { problemOf, type Problem } from './problem.js';

export type JsonBodyOutcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: Problem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a request body (HTTP, or a NATS message's bytes) as JSON; a 400 problem when it is not. */
export function parseJsonBody(body: string | Uint8Array): JsonBodyOutcome {
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body);
  } catch {
    return { ok: false, problem: malformedJsonProblem('The body is not UTF-8 text.') };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'it cannot be parsed';
    return { ok: false, problem: malformedJsonProblem(`The body is not valid JSON: ${reason}`) };
  }
}

export function malformedJsonProblem(detail: string): Problem {
  return problemOf('malformed-json', detail);
}
