import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from '@bluehelm/event-store';
import { ANALYTICS_READ_MODELS } from './dist/projection/analytics-read-models.js';
import { planBatch } from './dist/projection/batch.plan.js';
import { SqliteReadModelDatabase } from './dist/read-model/sqlite-read-model-database.js';
import { generateCaseHistory } from './dist/bench/case-history.generator.js';
import { seedSqliteLog } from './dist/bench/sqlite-log.seeder.js';
const folder = mkdtempSync(join(tmpdir(), 'trail-prof-'));
const logFile = join(folder, 'events.db');
await seedSqliteLog(logFile, generateCaseHistory(Number(process.env.CASES ?? 20000)));
const store = await createEventStore(`sqlite:${logFile}`);
const events = [];
for await (const e of store.readAll()) events.push(e);
console.log('events', events.length);
const variants = [
  ['access-trail no index', [{ ...ANALYTICS_READ_MODELS[3], table: { ...ANALYTICS_READ_MODELS[3].table, indexes: [] } }]],
  ['access-trail', [ANALYTICS_READ_MODELS[3]]],
  ];
for (const [name, bindings] of variants) {
  const file = join(folder, `${name.replace(/ /g, '_')}.db`);
  const db = SqliteReadModelDatabase.open(file);
  await db.createTables(bindings.map((b) => b.table));
  let t = performance.now();
  let planMs = 0;
  for (let i = 0; i < events.length; i += 2000) {
    const batch = events.slice(i, i + 2000);
    await db.writeBatch((cps) => { const s = performance.now(); const p = planBatch(bindings, batch, cps); planMs += performance.now() - s; return p; });
  }
  if (name === 'access-trail no index') { const s = performance.now(); await db.createTables([ANALYTICS_READ_MODELS[3].table]); console.log('deferred indexes', Math.round(performance.now() - s), 'ms'); }
  const total = performance.now() - t;
  console.log(name.padEnd(24), 'total', Math.round(total), 'ms, plan', Math.round(planMs), 'ms, write', Math.round(total - planMs), 'ms');
  await db.close();
}
await store.close();
rmSync(folder, { recursive: true, force: true });
