import { describe, expect, it } from '@jest/globals';
import { BoundedJsonValueBuilder } from './bounded-json-value.builder.js';
import { SlicedJsonTokenizer } from './sliced-json.tokenizer.js';

function build(text: string, maxChars = 1_000_000): BoundedJsonValueBuilder {
  const builder = new BoundedJsonValueBuilder(maxChars);
  new SlicedJsonTokenizer().write(Buffer.from(text), (token) => builder.push(token));
  return builder;
}

describe('BoundedJsonValueBuilder', () => {
  it('builds what JSON.parse builds, nesting, escapes, numbers and literals included', () => {
    const text = JSON.stringify({
      reportId: 'R-"1"\\é',
      lat: -12.5e-3,
      big: 12345678901234,
      flags: [true, false, null],
      nested: { list: [[], {}, [1, [2, { deep: 'x'.repeat(5_000) }]]] },
      emoji: 'convoy 🚚 hit',
    });
    const builder = build(text);
    expect(builder.isComplete).toBe(true);
    expect(builder.value).toEqual(JSON.parse(text));
  });

  it('keeps a key named __proto__ as an own field, as JSON.parse does', () => {
    const value = build('{"__proto__": {"polluted": true}, "a": 1}').value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('gives up on a value whose text passes the limit, yet finds where it ends', () => {
    const builder = build(JSON.stringify({ narrative: 'x'.repeat(2_000), casualties: [{ a: 1 }] }), 1_000);
    expect(builder.isComplete).toBe(true);
    expect(builder.isTooLarge).toBe(true);
    expect(builder.value).toBeUndefined();
  });
});
