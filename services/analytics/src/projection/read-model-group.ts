import type { ReadModelTable } from '../read-model/read-model-table.js';
import type { AnyReadModelBinding } from './read-model.binding.js';

/**
 * Read models rebuilt together (`npm run rebuild -- <name>`). Each projection keeps its own
 * checkpoint, so rebuilding one group leaves the rows and checkpoints of the others as they are.
 */
export interface ReadModelGroup {
  readonly name: string;
  readonly readModels: readonly AnyReadModelBinding[];
}

export function tablesOf(group: ReadModelGroup): ReadModelTable[] {
  return group.readModels.map((binding) => binding.table);
}

export function projectionNamesOf(group: ReadModelGroup): string[] {
  return group.readModels.map((binding) => binding.projection.name);
}
