import type { IncomingMessage } from 'node:http';
import { payloadTooLargeProblem, unsupportedMediaTypeProblem } from '../problems/gateway-problems.js';
import { ProblemException } from '../problems/problem.exception.js';
import { isUtf8Json, mediaTypeOf } from './media-type.js';

/** The largest JSON body the gateway reads whole (a report, a case step): 1 MiB. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body of at most `maxBytes`. A larger one is refused with a 413 problem as soon
 * as that is known (from Content-Length, or once the limit is passed) and the rest of it is
 * read and dropped, so that the client, still sending, gets to read the answer.
 */
export function readLimitedBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new ProblemException(payloadTooLargeProblem(`The body is larger than ${maxBytes} bytes, the most the gateway accepts here.`));
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discardBody(request);
    return Promise.reject(tooLarge());
  }
  return new Promise<Buffer>((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const stopReading = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        parts.push(chunk);
        return;
      }
      stopReading();
      discardBody(request);
      reject(tooLarge());
    };
    const onEnd = () => {
      stopReading();
      resolve(Buffer.concat(parts, size));
    };
    const onError = (error: Error) => {
      stopReading();
      reject(error);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

/** Lets the rest of a body flow into nothing: the connection stays usable for the answer. */
export function discardBody(request: IncomingMessage): void {
  request.on('error', () => undefined);
  request.resume();
}

/** A JSON body's bytes, unparsed: 415 unless it is `application/json` (UTF-8), 413 above 1 MiB. */
export async function readJsonBytes(request: IncomingMessage): Promise<Buffer> {
  const contentType = request.headers['content-type'];
  if (!isUtf8Json(mediaTypeOf(contentType))) {
    discardBody(request);
    throw new ProblemException(
      unsupportedMediaTypeProblem(`The body must be application/json (UTF-8), not ${contentType ?? 'without a Content-Type'}.`),
    );
  }
  return readLimitedBody(request, MAX_JSON_BODY_BYTES);
}
