import { isProblemReply, type AccountabilityFormat } from '@bluehelm/contracts';
import { Logger } from '@nestjs/common';
import { badServiceReplyProblem } from '../problems/gateway-problems.js';
import { ProblemException } from '../problems/problem.exception.js';
import { isJsonObject } from '../upstream/reply-shapes.js';

/** The HTTP answer to `GET /v1/reports/accountability`: the bytes analytics built, and how to label them. */
export interface AccountabilityAnswer {
  readonly contentType: string;
  readonly body: string;
  /** For CSV: the file name to offer. */
  readonly filename?: string;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** A file name safe inside a quoted Content-Disposition parameter. */
const SAFE_FILENAME = /^[A-Za-z0-9._-]{1,200}$/;

const logger = new Logger('AccountabilityAnswer');

/**
 * The answer for analytics' reply to a report in `format`. The same query must give the same
 * bytes, so the body is exactly what the service wrote: its text when it sends the report
 * written, else the JSON of its value (which keeps the service's key order), or the CSV body of
 * an AccountabilityCsvReply. A reply of the other format, or of no known shape, is a 502.
 */
export function accountabilityAnswerOf(reply: string | Record<string, unknown>, format: AccountabilityFormat): AccountabilityAnswer {
  switch (format) {
    case 'json':
      return { contentType: JSON_CONTENT_TYPE, body: jsonReportText(reply) };
    case 'csv':
      return csvAnswerOf(reply);
    default: {
      const unknown: never = format;
      throw new Error(`unknown report format ${String(unknown)}`);
    }
  }
}

function jsonReportText(reply: string | Record<string, unknown>): string {
  if (typeof reply !== 'string') {
    if (!isJsonReport(reply)) throw brokenReply('a JSON report without hostStates');
    return JSON.stringify(reply);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply);
  } catch {
    throw brokenReply('a report that is not JSON');
  }
  if (isProblemReply(parsed)) throw new ProblemException(parsed);
  if (!isJsonReport(parsed)) throw brokenReply('a JSON report without hostStates');
  return reply;
}

function csvAnswerOf(reply: string | Record<string, unknown>): AccountabilityAnswer {
  if (
    !isJsonObject(reply) ||
    typeof reply['body'] !== 'string' ||
    typeof reply['contentType'] !== 'string' ||
    !reply['contentType'].toLowerCase().startsWith('text/csv')
  ) {
    throw brokenReply('no CSV report');
  }
  const filename = reply['filename'];
  return {
    contentType: reply['contentType'],
    body: reply['body'],
    ...(typeof filename === 'string' && SAFE_FILENAME.test(filename) && { filename }),
  };
}

function isJsonReport(value: unknown): value is Record<string, unknown> {
  return isJsonObject(value) && Array.isArray(value['hostStates']);
}

function brokenReply(what: string): ProblemException {
  logger.warn(`analytics answered ${what}`);
  return new ProblemException(badServiceReplyProblem('analytics'));
}
