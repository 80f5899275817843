#!/usr/bin/env node
// Writes deploy/nats/authorization.conf from the permission table of @bluehelm/messaging
// (libs/messaging/src/nats-permissions.ts), each password read from the node's environment
// (NATS_<USER>_PASSWORD). Run after changing the table or the contracts' subjects, once built:
//   npx tsc -b libs/messaging && node scripts/nats-authorization.mjs
// The deployment test fails while the file and the table differ.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { natsPasswordsFromEnvironment, natsServerAuthorizationConfig } from '@bluehelm/messaging';

const file = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'deploy', 'nats', 'authorization.conf');
writeFileSync(file, natsServerAuthorizationConfig(natsPasswordsFromEnvironment()));
console.log(`wrote ${file}`);
