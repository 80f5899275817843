import { describe, expect, it } from '@jest/globals';
import { v5 } from 'uuid';
import { nameBasedUuids } from './name-based-uuid.js';

const NAMESPACE = '3f1c8d52-0a4e-4c7b-9d2e-6b5a7f8e9c01';

describe('nameBasedUuids', () => {
  const uuidOf = nameBasedUuids(NAMESPACE);

  it('gives what v5(name, namespace) gives, for ASCII and for any other UTF-8 name', () => {
    for (const name of ['MINUSMA-JOC-2021-0214', 'Côte d’Ivoire/Bouaké', 'مالي-٢٠٢١', '']) {
      expect(uuidOf(name)).toBe(v5(name, NAMESPACE));
    }
  });

  it('gives different ids for different names and for the same name in another namespace', () => {
    expect(uuidOf('a')).not.toBe(uuidOf('b'));
    expect(nameBasedUuids('6ba7b810-9dad-11d1-80b4-00c04fd430c8')('a')).not.toBe(uuidOf('a'));
  });
});
