import { memoryHarness } from './fixtures/memory-harness.js';
import { describeKeyVaultContract } from './fixtures/key-vault.contract.js';

describeKeyVaultContract('memory', memoryHarness, { sharedDatabase: false });
