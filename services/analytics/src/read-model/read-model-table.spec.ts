import { describe, expect, it } from '@jest/globals';
import { hasColumnsOf, type ReadModelTable, type StoredColumn } from './read-model-table.js';

const TYPE_NAMES = { text: 'TEXT', integer: 'INTEGER', bigint: 'INTEGER' } as const;
const TABLE: ReadModelTable = {
  name: 'entries',
  columns: [
    { name: 'position', type: 'bigint' },
    { name: 'stream', type: 'text', nullable: true },
  ],
  primaryKey: ['position'],
};
const STREAM: StoredColumn = { name: 'stream', type: 'text', nullable: true };
const POSITION: StoredColumn = { name: 'position', type: 'integer', nullable: false };
const STORED = [STREAM, POSITION];

describe('a stored table beside its definition', () => {
  it('matches with the same columns, types (in any case) and nullability, in any order', () => {
    expect(hasColumnsOf(TABLE, STORED, TYPE_NAMES)).toBe(true);
  });

  it('differs by a column more or less, another type, or another nullability', () => {
    expect(hasColumnsOf(TABLE, [...STORED, { name: 'reason', type: 'TEXT', nullable: true }], TYPE_NAMES)).toBe(false);
    expect(hasColumnsOf(TABLE, [POSITION], TYPE_NAMES)).toBe(false);
    expect(hasColumnsOf(TABLE, [STREAM, { ...POSITION, type: 'TEXT' }], TYPE_NAMES)).toBe(false);
    expect(hasColumnsOf(TABLE, [{ ...STREAM, nullable: false }, POSITION], TYPE_NAMES)).toBe(false);
  });
});
