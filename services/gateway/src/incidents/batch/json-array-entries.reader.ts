import type { IncomingMessage } from 'node:http';
import { malformedJsonProblem, validationProblem, type Problem } from '@bluehelm/contracts';
import type { Token } from 'stream-json/parser.js';
import { discardBody } from '../../http-edge/request-body.reader.js';
import { ProblemException } from '../../problems/problem.exception.js';
import { oversizedEntry, type BatchEntry } from './batch-entry.js';
import { BoundedJsonValueBuilder } from './bounded-json-value.builder.js';
import { JsonSyntaxError, SlicedJsonTokenizer } from './sliced-json.tokenizer.js';

/**
 * Reads the reports of a JSON array one at a time as the body streams in (stream-json), holding
 * one chunk and at most one report in memory; a report over `maxReportChars` is answered as too
 * large on its own. A body that is no array, or breaks before its first report is complete,
 * throws a ProblemException: nothing has been answered yet. One that breaks later ends with a
 * rejected entry for the first report not read in full; nothing after it is read.
 */
export async function* jsonArrayEntries(request: IncomingMessage, maxReportChars: number): AsyncGenerator<BatchEntry> {
  const tokenizer = new SlicedJsonTokenizer();
  const array = new ArrayOfReports(maxReportChars);
  // Not destroyed when the reading stops early: the request's connection carries the answer.
  for await (const chunk of request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    const entries: BatchEntry[] = [];
    try {
      tokenizer.write(chunk, (token) => array.push(token, entries));
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw stopReading(request, error);
      if (array.completed === 0) throw stopReading(request, new ProblemException(malformedJsonProblem(`The body is not valid JSON: ${error.message}`)));
      yield* entries;
      yield array.brokenEntry(error.message);
      discardBody(request);
      return;
    }
    yield* entries;
  }
  const unfinished = array.unfinishedProblem();
  if (unfinished === undefined) return;
  if (array.completed === 0) throw new ProblemException(unfinished);
  yield { line: array.completed + 1, body: { ok: false, problem: unfinished } };
}

function stopReading(request: IncomingMessage, error: unknown): unknown {
  discardBody(request);
  return error;
}

/** Follows the top-level array through its tokens, one report builder at a time. */
class ArrayOfReports {
  private state: 'before-array' | 'in-array' | 'after-array' = 'before-array';
  private report: BoundedJsonValueBuilder | undefined;
  /** Reports read in full so far. */
  completed = 0;

  constructor(private readonly maxReportChars: number) {}

  push(token: Token, entries: BatchEntry[]): void {
    if (this.state === 'before-array') {
      if (token.name !== 'startArray') throw new ProblemException(notAnArrayProblem());
      this.state = 'in-array';
      return;
    }
    if (this.state === 'after-array') return;
    if (this.report === undefined && token.name === 'endArray') {
      this.state = 'after-array';
      return;
    }
    this.report ??= new BoundedJsonValueBuilder(this.maxReportChars);
    this.report.push(token);
    if (!this.report.isComplete) return;
    this.completed += 1;
    entries.push(
      this.report.isTooLarge
        ? oversizedEntry(this.completed, this.maxReportChars)
        : { line: this.completed, body: { ok: true, value: this.report.value } },
    );
    this.report = undefined;
  }

  brokenEntry(reason: string): BatchEntry {
    const problem = malformedJsonProblem(`The body stops being valid JSON in or after this report (${reason}); nothing after it was read.`);
    return { line: this.completed + 1, body: { ok: false, problem } };
  }

  /** Why the body ended too early; undefined when the array was read to its end. */
  unfinishedProblem(): Problem | undefined {
    if (this.state === 'before-array') return notAnArrayProblem();
    if (this.state === 'in-array') return malformedJsonProblem('The body ends before the array is closed.');
    return undefined;
  }
}

function notAnArrayProblem(): Problem {
  return validationProblem([{ path: '', message: 'the body must be a JSON array of incident reports' }]);
}
