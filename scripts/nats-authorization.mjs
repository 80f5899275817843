#!/usr/bin/env node
// Writes deploy/nats/authorization.conf from the permission table of @bluehelm/messaging
// (libs/messaging/src/nats-permissions.ts), each password read from the node's environment
// (NATS_<USER>_PASSWORD), and its copy in the nats-config ConfigMap of
// deploy/kubernetes/nats.yaml. Run after changing the table or the contracts' subjects, once built:
//   npx tsc -b libs/messaging && node scripts/nats-authorization.mjs
// The deployment test fails while the files and the table differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { natsPasswordsFromEnvironment, natsServerAuthorizationConfig } from '@bluehelm/messaging';

const deployDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'deploy');
const config = natsServerAuthorizationConfig(natsPasswordsFromEnvironment());

const configFile = join(deployDir, 'nats', 'authorization.conf');
writeFileSync(configFile, config);
console.log(`wrote ${configFile}`);

// The ConfigMap key is a literal block (`authorization.conf: |`) indented by four spaces.
const manifestFile = join(deployDir, 'kubernetes', 'nats.yaml');
const manifest = readFileSync(manifestFile, 'utf8').split('\n');
const key = manifest.indexOf('  authorization.conf: |');
if (key === -1) throw new Error(`${manifestFile}: no "authorization.conf: |" key in the nats-config ConfigMap`);
let end = key + 1;
while (end < manifest.length && (manifest[end] === '' || manifest[end].startsWith('    '))) end += 1;
const block = config.replace(/\n$/, '').split('\n').map((line) => (line === '' ? '' : `    ${line}`));
writeFileSync(manifestFile, [...manifest.slice(0, key + 1), ...block, ...manifest.slice(end)].join('\n'));
console.log(`wrote its copy into ${manifestFile}`);
