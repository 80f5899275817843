// Entry of `npm run bench -- event-store`: sqlite and postgres, each beside its raw driver loop.
import { formatBenchTable } from './bench-row.js';
import { benchPostgres } from './postgres.bench.js';
import { benchSqlite } from './sqlite.bench.js';

const postgresUrl = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const rows = [...(await benchSqlite()), ...(await benchPostgres(postgresUrl))];
console.log(formatBenchTable(rows));
