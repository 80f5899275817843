import type { ReadModelDatabase } from '../read-model/read-model-database.js';
import type { AnyReadModelBinding } from './read-model.binding.js';

/**
 * Makes the tables of the read models that do not exist yet, after dropping, with its checkpoint,
 * any read model whose table an older version made with other columns: the projector then builds
 * it again from position zero while the others go on from their checkpoints. Answers the names
 * of the projections dropped.
 */
export async function prepareReadModels(database: ReadModelDatabase, readModels: readonly AnyReadModelBinding[]): Promise<string[]> {
  const outdated = new Set(await database.outdatedTables(readModels.map((binding) => binding.table)));
  const stale = readModels.filter((binding) => outdated.has(binding.table));
  if (stale.length > 0) {
    await database.dropReadModels(
      stale.map((binding) => binding.table),
      stale.map((binding) => binding.projection.name),
    );
  }
  await database.createTables(readModels.map((binding) => binding.table));
  return stale.map((binding) => binding.projection.name);
}
