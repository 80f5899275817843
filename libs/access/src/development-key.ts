import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { DevelopmentKeyFileError } from './access.errors.js';
import { createFileExclusively, isErrorCode, replaceFileAtomically } from './atomic-files.js';

export const DEVELOPMENT_KEY_ALGORITHM = 'EdDSA';
/** The signing key: the one file that matters; whoever creates it first wins. */
export const DEVELOPMENT_PRIVATE_KEY_FILE = 'signing-key.private.jwk.json';
/** Its public half, for tools that verify development tokens without this library. */
export const DEVELOPMENT_PUBLIC_KEY_FILE = 'signing-key.public.jwk.json';

/**
 * The key that signs and verifies tokens when no identity provider is configured. Every process
 * using the same directory gets the same key, so tokens issued by `npm start` pass every service.
 */
export interface DevelopmentKey {
  /** The RFC 7638 thumbprint of the public key; tokens carry it in their `kid` header. */
  readonly kid: string;
  readonly privateKey: CryptoKey;
  /** The public key as a JWK with `kid`, `alg` and `use`, ready for a JWKS. */
  readonly publicJwk: JWK;
}

/**
 * The Ed25519 key pair stored in `dir`, made on first call. Safe when several processes start at
 * once: each may generate a key, but only the first one linked into place is ever used or read.
 */
export async function ensureDevelopmentKey(dir: string): Promise<DevelopmentKey> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const privatePath = join(dir, DEVELOPMENT_PRIVATE_KEY_FILE);
  const stored = (await readKeyFile(privatePath)) ?? (await createKeyFile(privatePath));
  const key = await developmentKeyOf(stored, privatePath);
  await ensurePublicKeyFile(join(dir, DEVELOPMENT_PUBLIC_KEY_FILE), key.publicJwk);
  return key;
}

async function createKeyFile(path: string): Promise<unknown> {
  const { privateKey, publicKey } = await generateKeyPair(DEVELOPMENT_KEY_ALGORITHM, {
    crv: 'Ed25519',
    extractable: true,
  });
  const kid = await calculateJwkThumbprint(await exportJWK(publicKey));
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: DEVELOPMENT_KEY_ALGORITHM, use: 'sig' };
  const outcome = await createFileExclusively(path, `${JSON.stringify(privateJwk, null, 2)}\n`, 0o600);
  if (outcome === 'created') return privateJwk;
  // Another process linked its key first; a linked file is always complete.
  const existing = await readKeyFile(path);
  if (existing === undefined) throw new DevelopmentKeyFileError(path, 'the file vanished while the key was being made');
  return existing;
}

async function readKeyFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DevelopmentKeyFileError(path, 'the file is not JSON');
  }
}

async function developmentKeyOf(stored: unknown, path: string): Promise<DevelopmentKey> {
  if (!isEd25519PrivateJwk(stored)) throw new DevelopmentKeyFileError(path, 'the file holds no Ed25519 private key (JWK) with a kid');
  const { kty, crv, x, kid } = stored;
  const publicJwk: JWK = { kty, crv, x, kid, alg: DEVELOPMENT_KEY_ALGORITHM, use: 'sig' };
  const privateKey = await importJWK(stored, DEVELOPMENT_KEY_ALGORITHM);
  return { kid, privateKey, publicJwk };
}

/** Derived from the private key, so concurrent writers write the same bytes; rename keeps it whole. */
async function ensurePublicKeyFile(path: string, publicJwk: JWK): Promise<void> {
  try {
    await access(path);
  } catch {
    await replaceFileAtomically(path, `${JSON.stringify(publicJwk, null, 2)}\n`, 0o644);
  }
}

type Ed25519PrivateJwk = JWK & { kty: 'OKP'; crv: 'Ed25519'; x: string; d: string; kid: string };

function isEd25519PrivateJwk(value: unknown): value is Ed25519PrivateJwk {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return (
    jwk['kty'] === 'OKP' &&
    jwk['crv'] === 'Ed25519' &&
    typeof jwk['x'] === 'string' &&
    typeof jwk['d'] === 'string' &&
    typeof jwk['kid'] === 'string' &&
    jwk['kid'] !== ''
  );
}
