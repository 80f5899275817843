import type { IncomingMessage } from 'node:http';
import { discardBody } from '../../http-edge/request-body.reader.js';
import { isUtf8Json, mediaTypeOf } from '../../http-edge/media-type.js';
import { unsupportedMediaTypeProblem } from '../../problems/gateway-problems.js';
import { ProblemException } from '../../problems/problem.exception.js';
import { MAX_BATCH_REPORT_BYTES, type BatchEntry } from './batch-entry.js';
import { NDJSON_MEDIA_TYPE } from './batch-answer.writer.js';
import { jsonArrayEntries } from './json-array-entries.reader.js';
import { ndjsonEntries } from './ndjson-entries.reader.js';

/** The reports of a batch body as they stream in, by its media type; 415 for any other type. */
export function batchEntriesOf(request: IncomingMessage): AsyncIterable<BatchEntry> {
  const mediaType = mediaTypeOf(request.headers['content-type']);
  if (isUtf8Json(mediaType)) return jsonArrayEntries(request, MAX_BATCH_REPORT_BYTES);
  if (isUtf8Json(mediaType, NDJSON_MEDIA_TYPE)) return ndjsonEntries(request, MAX_BATCH_REPORT_BYTES);
  discardBody(request);
  throw new ProblemException(
    unsupportedMediaTypeProblem(
      `A batch is application/json (an array of reports) or ${NDJSON_MEDIA_TYPE} (one report per line), not ${request.headers['content-type'] ?? 'without a Content-Type'}.`,
    ),
  );
}
