import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../../problems/problem.exception.js';
import type { BatchEntry } from './batch-entry.js';
import { jsonArrayEntries } from './json-array-entries.reader.js';

async function entriesOf(chunks: readonly string[], maxReportChars = 1_000): Promise<BatchEntry[]> {
  const body = Readable.from(chunks.map((chunk) => Buffer.from(chunk))) as unknown as IncomingMessage;
  const entries: BatchEntry[] = [];
  for await (const entry of jsonArrayEntries(body, maxReportChars)) entries.push(entry);
  return entries;
}

describe('jsonArrayEntries', () => {
  it('yields each element with its place in the array, across chunk boundaries', async () => {
    const entries = await entriesOf(['[{"a":', '1}, "text", [1,', '2] ,{"b":{"c":null}}]  ']);
    expect(entries).toEqual([
      { line: 1, body: { ok: true, value: { a: 1 } } },
      { line: 2, body: { ok: true, value: 'text' } },
      { line: 3, body: { ok: true, value: [1, 2] } },
      { line: 4, body: { ok: true, value: { b: { c: null } } } },
    ]);
  });

  it('answers an element over the limit as too large and goes on with the next', async () => {
    const entries = await entriesOf([`[{"n":"${'x'.repeat(2_000)}"},{"b":2}]`]);
    expect(entries).toEqual([
      { line: 1, body: { ok: false, problem: expect.objectContaining({ status: 413 }) } },
      { line: 2, body: { ok: true, value: { b: 2 } } },
    ]);
  });

  it('answers every report completed before a break, then the break at the next one', async () => {
    const report = JSON.stringify({ narrative: 'y'.repeat(300) });
    const entries = await entriesOf([`[${report},${report}, {"a": }]`], 10_000);
    expect(entries.map((entry) => [entry.line, entry.body.ok])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    expect(entries[2]).toMatchObject({ body: { problem: { status: 400 } } });
  });

  it('refuses as a whole a body that is no array, or breaks before its first report', async () => {
    await expect(entriesOf(['{"reportId":"x"}'])).rejects.toMatchObject({ problem: { status: 422 } });
    await expect(entriesOf(['[{"reportId": x}]'])).rejects.toBeInstanceOf(ProblemException);
    await expect(entriesOf([''])).rejects.toMatchObject({ problem: { status: 422 } });
  });

  it('ends with a rejected entry when the array is never closed', async () => {
    const entries = await entriesOf(['[{"a":1},']);
    expect(entries).toEqual([
      { line: 1, body: { ok: true, value: { a: 1 } } },
      { line: 2, body: { ok: false, problem: expect.objectContaining({ status: 400 }) } },
    ]);
  });
});
