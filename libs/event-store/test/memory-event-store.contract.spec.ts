import { MemoryEventStore } from '../src/adapters/memory/memory-event-store.js';
import { describeEventStoreContract } from '../src/contract/index.js';

describeEventStoreContract({ adapter: 'memory', open: async () => new MemoryEventStore() });
