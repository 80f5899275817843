import { parseJsonBody } from '@bluehelm/contracts';
import { oversizedEntry, type BatchEntry } from './batch-entry.js';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Reads NDJSON one line at a time from a byte stream, holding at most one line (and one chunk)
 * in memory. A line longer than `maxLineBytes` is answered as too large on its own, without
 * being kept; blank lines are skipped but still counted, so that line numbers match the file.
 */
export async function* ndjsonEntries(source: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<BatchEntry> {
  const line = new LineBuffer(maxLineBytes);
  let lineNumber = 0;
  for await (const chunk of source) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      line.append(chunk.subarray(start, end));
      lineNumber += 1;
      const entry = line.take(lineNumber);
      if (entry !== undefined) yield entry;
      start = end + 1;
    }
    line.append(chunk.subarray(start));
  }
  if (!line.isEmpty) {
    const entry = line.take(lineNumber + 1);
    if (entry !== undefined) yield entry;
  }
}

/** The bytes of the line being read, dropped as soon as it is known to be too long. */
class LineBuffer {
  private parts: Buffer[] = [];
  private size = 0;
  private tooLong = false;

  constructor(private readonly maxBytes: number) {}

  get isEmpty(): boolean {
    return this.size === 0;
  }

  append(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.size += bytes.length;
    if (this.tooLong) return;
    if (this.size > this.maxBytes + 1) {
      // One byte of slack for a CR before the newline.
      this.tooLong = true;
      this.parts = [];
      return;
    }
    this.parts.push(bytes);
  }

  /** The entry of the line now complete (undefined for a blank line), and a fresh buffer. */
  take(lineNumber: number): BatchEntry | undefined {
    const { tooLong } = this;
    let bytes = tooLong ? Buffer.alloc(0) : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.tooLong = false;
    if (tooLong) return oversizedEntry(lineNumber, this.maxBytes);
    if (bytes.at(-1) === CARRIAGE_RETURN) bytes = bytes.subarray(0, -1);
    if (bytes.length > this.maxBytes) return oversizedEntry(lineNumber, this.maxBytes);
    if (isBlank(bytes)) return undefined;
    return { line: lineNumber, body: parseJsonBody(bytes) };
  }
}

function isBlank(bytes: Buffer): boolean {
  return bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === CARRIAGE_RETURN);
}
