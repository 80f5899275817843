import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` inside BEGIN ... COMMIT on one pooled connection, rolling back on any failure.
 * A connection whose rollback fails is destroyed rather than handed to the next caller.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackFailure: Error) => {
      broken = rollbackFailure;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
