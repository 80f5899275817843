import { describe, expect, it } from '@jest/globals';
import type { BatchEntry } from './batch-entry.js';
import { ndjsonEntries } from './ndjson-entries.reader.js';

async function entriesOf(chunks: readonly string[], maxLineBytes = 100): Promise<BatchEntry[]> {
  async function* source(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  const entries: BatchEntry[] = [];
  for await (const entry of ndjsonEntries(source(), maxLineBytes)) entries.push(entry);
  return entries;
}

describe('ndjsonEntries', () => {
  it('numbers reports by their line in the file, skipping blank lines and CRs', async () => {
    const entries = await entriesOf(['{"a":1}\r\n', '\n   \n{"b"', ':2}\n{"c":3}']);
    expect(entries).toEqual([
      { line: 1, body: { ok: true, value: { a: 1 } } },
      { line: 4, body: { ok: true, value: { b: 2 } } },
      { line: 5, body: { ok: true, value: { c: 3 } } },
    ]);
  });

  it('rejects a line that is not JSON on its own', async () => {
    const entries = await entriesOf(['{"a":\n{"b":2}\n']);
    expect(entries[0]).toMatchObject({ line: 1, body: { ok: false, problem: { status: 400 } } });
    expect(entries[1]).toEqual({ line: 2, body: { ok: true, value: { b: 2 } } });
  });

  it('rejects a line over the limit on its own, even when it spans many chunks', async () => {
    const long = `{"n":"${'x'.repeat(300)}"}`;
    const entries = await entriesOf([long.slice(0, 120), long.slice(120, 250), `${long.slice(250)}\n{"b":2}\n`]);
    expect(entries).toEqual([
      { line: 1, body: { ok: false, problem: expect.objectContaining({ status: 413 }) } },
      { line: 2, body: { ok: true, value: { b: 2 } } },
    ]);
  });
});
