import { describeReadModelDatabase } from './read-model-database.fixtures.js';
import { SqliteReadModelDatabase } from './sqlite-read-model-database.js';

describeReadModelDatabase('sqlite', async () => SqliteReadModelDatabase.open(':memory:'));
