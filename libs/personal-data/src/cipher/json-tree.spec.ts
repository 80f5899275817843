import { describe, expect, it } from '@jest/globals';
import { findInJson, type JsonPath, KEEP, replaceInJson } from './json-tree.js';

const event = { casualties: [{ name: 'A', rank: 3 }], note: 'n', when: null };

describe('replaceInJson', () => {
  it('hands every node its path from the root', () => {
    const paths: JsonPath[] = [];
    replaceInJson(event, (_node, path) => {
      paths.push(path);
      return KEEP;
    });
    expect(paths).toEqual([[], ['casualties'], ['casualties', 0], ['casualties', 0, 'name'], ['casualties', 0, 'rank'], ['note'], ['when']]);
  });

  it('copies only what changes and leaves the input as it was', () => {
    const input = { a: { b: 'x' }, c: { d: 'y' } };
    const output = replaceInJson(input, (node) => (node === 'x' ? 'X' : KEEP)) as typeof input;
    expect(output).toEqual({ a: { b: 'X' }, c: { d: 'y' } });
    expect(input.a.b).toBe('x');
    expect(output.c).toBe(input.c);
  });

  it('does not walk into a replaced node, nor into anything but plain objects and arrays', () => {
    const date = new Date(0);
    const output = replaceInJson({ a: { b: 'x' }, date }, (_node, path) => (path.join('.') === 'a' ? 'whole' : KEEP));
    expect(output).toEqual({ a: 'whole', date });
    expect((output as { date: Date }).date).toBe(date);
  });
});

describe('findInJson', () => {
  it('finds matching nodes in document order', () => {
    const strings = findInJson(event, (node): node is string => typeof node === 'string');
    expect(strings).toEqual(['A', 'n']);
  });
});
