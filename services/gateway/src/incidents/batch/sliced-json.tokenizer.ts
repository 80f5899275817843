import { StringDecoder } from 'node:string_decoder';
import { jsonParser, type Token } from 'stream-json/parser.js';

/** The body stopped being JSON; `message` is stream-json's. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
}

// stream-json's tokenizer answers each piece of text with its tokens wrapped in stream-chain's
// "many" marker (a well-known symbol), or with its "none" marker when there are none.
const MANY = Symbol.for('object-stream.many');

/** The text handed to the tokenizer at a time; see SlicedJsonTokenizer. */
const SLICE_CHARS = 4096;

type Tokenize = ReturnType<typeof jsonParser>;

/**
 * stream-json's bare tokenizer (its documented embedding entry point), fed directly rather than
 * as a stream: UTF-8 decoded across chunk boundaries, strings, keys and numbers left unpacked
 * so that no single value is ever held whole by the tokenizer.
 *
 * A tokenizer that throws drops every token of the text it was given in that call, which would
 * lose the end of the reports just before a syntax error. So a second tokenizer follows one
 * slice behind; when the first throws, the second, still in the state before that slice, takes
 * the slice one character at a time and hands over every token up to the exact point of the
 * break. Tokenizing twice costs little next to validating the reports.
 */
export class SlicedJsonTokenizer {
  private readonly tokenize = tokenizer();
  private readonly behind = tokenizer();
  private readonly decoder = new StringDecoder('utf8');
  private atStart = true;

  /** Hands every token of `bytes` to `onToken`, in order; throws JsonSyntaxError where the text breaks. */
  write(bytes: Buffer, onToken: (token: Token) => void): void {
    let text = this.decoder.write(bytes);
    if (this.atStart && text !== '') {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let start = 0; start < text.length; start += SLICE_CHARS) {
      const slice = text.slice(start, start + SLICE_CHARS);
      let produced: unknown;
      try {
        produced = this.tokenize(slice);
      } catch (error) {
        this.replayUpToBreak(slice, onToken);
        throw syntaxErrorOf(error);
      }
      this.behind(slice);
      for (const token of tokensOf(produced)) onToken(token);
    }
  }

  private replayUpToBreak(slice: string, onToken: (token: Token) => void): void {
    for (const character of slice) {
      let produced: unknown;
      try {
        produced = this.behind(character);
      } catch (error) {
        throw syntaxErrorOf(error);
      }
      for (const token of tokensOf(produced)) onToken(token);
    }
  }
}

function tokenizer(): Tokenize {
  return jsonParser({ packValues: false, streamValues: true });
}

function syntaxErrorOf(error: unknown): JsonSyntaxError {
  return new JsonSyntaxError(error instanceof Error ? error.message : String(error));
}

function tokensOf(produced: unknown): readonly Token[] {
  if (typeof produced !== 'object' || produced === null || (produced as Record<symbol, unknown>)[MANY] !== 1) return [];
  return (produced as { readonly values: readonly Token[] }).values;
}
