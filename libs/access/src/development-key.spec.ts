import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { calculateJwkThumbprint, jwtVerify } from 'jose';
import { temporaryDirectory } from '../test/fixtures/temporary-directory.js';
import { DevelopmentKeyFileError } from './access.errors.js';
import { DEVELOPMENT_PRIVATE_KEY_FILE, DEVELOPMENT_PUBLIC_KEY_FILE, ensureDevelopmentKey } from './development-key.js';
import { signDevelopmentToken } from './development-token.js';

const childScript = fileURLToPath(new URL('../test/fixtures/ensure-development-key.child.mjs', import.meta.url));

describe('ensureDevelopmentKey', () => {
  let dir: Awaited<ReturnType<typeof temporaryDirectory>>;
  const spawned: ChildProcess[] = [];
  beforeEach(async () => {
    dir = await temporaryDirectory('key');
  });
  afterEach(async () => {
    // A child left waiting by a failed test must not outlive it.
    for (const child of spawned.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill();
    await dir.remove();
  });

  it('makes an Ed25519 key pair, the private half readable by its owner only', async () => {
    const key = await ensureDevelopmentKey(dir.path);
    const privateJwk = JSON.parse(await readFile(join(dir.path, DEVELOPMENT_PRIVATE_KEY_FILE), 'utf8')) as Record<string, unknown>;
    expect(privateJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: key.kid, x: expect.any(String), d: expect.any(String) });
    expect((await stat(join(dir.path, DEVELOPMENT_PRIVATE_KEY_FILE))).mode & 0o777).toBe(0o600);
    const publicJwk = JSON.parse(await readFile(join(dir.path, DEVELOPMENT_PUBLIC_KEY_FILE), 'utf8')) as Record<string, unknown>;
    expect(publicJwk).toEqual(key.publicJwk);
    expect(publicJwk).not.toHaveProperty('d');
    expect(key.kid).toBe(await calculateJwkThumbprint(key.publicJwk));
  });

  it('gives the stored key on later calls', async () => {
    const first = await ensureDevelopmentKey(dir.path);
    const second = await ensureDevelopmentKey(dir.path);
    expect(second.kid).toBe(first.kid);
    const token = await signDevelopmentToken(first, { sub: 'dev-admin', roles: ['admin'] });
    await expect(jwtVerify(token, second.publicJwk)).resolves.toMatchObject({ payload: { sub: 'dev-admin' } });
  });

  it('gives every concurrent caller the same key and leaves no temporary file', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => ensureDevelopmentKey(dir.path)));
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
    expect((await readdir(dir.path)).sort()).toEqual([DEVELOPMENT_PRIVATE_KEY_FILE, DEVELOPMENT_PUBLIC_KEY_FILE].sort());
  });

  it('gives processes that start together the same key', async () => {
    const children = Array.from({ length: 3 }, () =>
      spawn(process.execPath, [childScript, dir.path], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    spawned.push(...children);
    // Listened for from the start: a child may exit before its answer is read.
    const exits = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    const outputs = children.map((child) => createInterface({ input: child.stdout })[Symbol.asyncIterator]());
    const nextLine = async (output: AsyncIterator<string>): Promise<string> => {
      const line = await output.next();
      if (line.done === true) throw new Error('a child process ended without answering');
      return line.value;
    };
    expect(await Promise.all(outputs.map(nextLine))).toEqual(['ready', 'ready', 'ready']);
    for (const child of children) child.stdin.end('go\n');
    const kids = (await Promise.all(outputs.map(nextLine))).map((line) => (JSON.parse(line) as { kid: string }).kid);
    expect(await Promise.all(exits)).toEqual([0, 0, 0]);

    expect(new Set(kids).size).toBe(1);
    expect((await ensureDevelopmentKey(dir.path)).kid).toBe(kids[0]);
    expect((await readdir(dir.path)).sort()).toEqual([DEVELOPMENT_PRIVATE_KEY_FILE, DEVELOPMENT_PUBLIC_KEY_FILE].sort());
  });

  it('ignores a temporary file left half-written by a process that died', async () => {
    await writeFile(join(dir.path, `${DEVELOPMENT_PRIVATE_KEY_FILE}.4242.abcdef.tmp`), '{"kty":"OKP","crv":"Ed2');
    const key = await ensureDevelopmentKey(dir.path);
    expect((await ensureDevelopmentKey(dir.path)).kid).toBe(key.kid);
  });

  it('refuses a key file that does not hold an Ed25519 private key', async () => {
    await writeFile(join(dir.path, DEVELOPMENT_PRIVATE_KEY_FILE), JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'abc' }));
    await expect(ensureDevelopmentKey(dir.path)).rejects.toBeInstanceOf(DevelopmentKeyFileError);
    await writeFile(join(dir.path, DEVELOPMENT_PRIVATE_KEY_FILE), '{"kty":');
    await expect(ensureDevelopmentKey(dir.path)).rejects.toThrow(/not JSON/);
  });
});
