import type { Token } from 'stream-json/parser.js';

type Frame =
  | { readonly kind: 'object'; readonly value: Record<string, unknown>; key: string | undefined }
  | { readonly kind: 'array'; readonly value: unknown[] };

/**
 * Builds one JSON value from stream-json tokens with values left unpacked (strings, keys and
 * numbers arrive in chunks), as JSON.parse would, as long as its text stays within `maxChars`.
 * Past that it stops keeping anything and only follows the nesting to find where the value
 * ends, so that one huge report costs no more memory than the limit.
 */
export class BoundedJsonValueBuilder {
  private readonly frames: Frame[] = [];
  private chunks: string[] = [];
  private depth = 0;
  private size = 0;
  private finished = false;
  private result: unknown;

  constructor(private readonly maxChars: number) {}

  get isComplete(): boolean {
    return this.finished;
  }

  get isTooLarge(): boolean {
    return this.size > this.maxChars;
  }

  /** The value, once complete; undefined when it was too large. */
  get value(): unknown {
    return this.isTooLarge ? undefined : this.result;
  }

  push(token: Token): void {
    switch (token.name) {
      case 'startObject':
        this.charge(1);
        this.open({ kind: 'object', value: {}, key: undefined });
        return;
      case 'startArray':
        this.charge(1);
        this.open({ kind: 'array', value: [] });
        return;
      case 'endObject':
      case 'endArray':
        this.charge(1);
        this.close();
        return;
      case 'startKey':
      case 'startString':
      case 'startNumber':
        this.chunks = [];
        return;
      case 'stringChunk':
      case 'numberChunk':
        this.charge(token.value.length);
        if (!this.isTooLarge) this.chunks.push(token.value);
        return;
      case 'endKey':
        this.setKey(this.takeText());
        return;
      case 'endString':
        this.complete(this.takeText());
        return;
      case 'endNumber':
        this.complete(Number(this.takeText()));
        return;
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        this.charge(String(token.value).length);
        this.complete(token.value);
        return;
      case 'keyValue':
      case 'stringValue':
      case 'numberValue':
      case 'whitespace':
        // Packed values come only from a parser told to pack, which this builder's is not.
        return;
      default: {
        const unexpected: never = token;
        throw new Error(`unknown JSON token ${JSON.stringify(unexpected)}`);
      }
    }
  }

  private charge(chars: number): void {
    this.size += chars;
    if (this.isTooLarge) {
      // Let go of everything built so far; only the nesting is followed from here on.
      this.frames.length = 0;
      this.chunks = [];
    }
  }

  private open(frame: Frame): void {
    this.depth += 1;
    if (!this.isTooLarge) this.frames.push(frame);
  }

  private close(): void {
    this.depth -= 1;
    const frame = this.isTooLarge ? undefined : this.frames.pop();
    this.attach(frame?.value, this.depth === 0);
  }

  private complete(value: unknown): void {
    this.attach(value, this.depth === 0);
  }

  private attach(value: unknown, isWhole: boolean): void {
    if (isWhole) {
      this.finished = true;
      this.result = value;
      return;
    }
    if (this.isTooLarge) return;
    const parent = this.frames.at(-1);
    if (parent?.kind === 'array') parent.value.push(value);
    else if (parent?.kind === 'object' && parent.key !== undefined) {
      // Defined, not assigned, so that a key named __proto__ is an own field as with JSON.parse.
      Object.defineProperty(parent.value, parent.key, { value, enumerable: true, writable: true, configurable: true });
      parent.key = undefined;
    }
  }

  private setKey(key: string): void {
    const parent = this.frames.at(-1);
    if (!this.isTooLarge && parent?.kind === 'object') parent.key = key;
  }

  private takeText(): string {
    const text = this.chunks.join('');
    this.chunks = [];
    return text;
  }
}
