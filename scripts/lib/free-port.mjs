import { createServer } from 'node:net';

/**
 * A TCP port that was free a moment ago on 127.0.0.1 (tests use it to avoid fixed ports).
 * @returns {Promise<number>}
 */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
