import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { KurrentDbEventStore } from '../src/adapters/kurrentdb/kurrentdb-event-store.js';
import { describeEventStoreContract } from '../src/contract/index.js';
import { createEventStore } from '../src/event-store.factory.js';

// No KurrentDB server can run on the development machines; the contract runs where one is
// reachable, e.g. KURRENTDB_URL=kurrentdb://localhost:2113?tls=false
const url = process.env.KURRENTDB_URL;

if (url) {
  describeEventStoreContract({
    adapter: 'kurrentdb',
    open: () => KurrentDbEventStore.connect(url),
    unsupported: ['unique-event-ids-across-streams'],
  });
} else {
  describe('kurrentdb event store without a server (KURRENTDB_URL unset: the contract is not run)', () => {
    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('opens from every URL scheme EVENT_STORE_URL accepts, with no deprecation warning, and closes', async () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      for (const schemeUrl of [
        'kurrentdb://localhost:2113?tls=false',
        'kurrentdb+discover://node1:2113,node2:2113?tls=false',
        'esdb://admin:changeit@localhost:2113?tls=false',
        'esdb+discover://node1:2113,node2:2113?tls=false',
      ]) {
        const store = await createEventStore(schemeUrl);
        expect(store).toBeInstanceOf(KurrentDbEventStore);
        await store.close();
      }
      expect(warn).not.toHaveBeenCalled();
    });
  });
}
