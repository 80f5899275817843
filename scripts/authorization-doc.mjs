#!/usr/bin/env node
// Writes docs/authorization.md from the one table the gateway enforces (ENDPOINT_ACCESS in
// contracts/src/access/endpoint-access.ts). Run after changing the table (build first); a test
// fails while the published table and the enforced one differ.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const { authorizationTableMarkdown, CLASSIFICATIONS } = await import('../contracts/dist/index.js');

const text = `# Who may call what

Every route of the HTTP API but \`/v1/health\` and \`/docs\` needs \`Authorization: Bearer <JWT>\`.
The token's claims (architecture.md): \`sub\`, \`roles\`, \`missions\` (reporters and case officers),
\`memberState\` (ISO alpha-3, for \`member-state\`), \`clearance\` (\`personal-data\` to read names,
\`confidential\` to read confidential incidents). Without a token: 401. A role the route does not
allow: 403. The gateway checks the role on the path; the service that answers checks the token again
and narrows what it returns to the caller's scope (the last column), so a request that reaches a
service another way meets the same rules.

This table is generated from \`ENDPOINT_ACCESS\` in \`contracts/src/access/endpoint-access.ts\`, the
one the gateway enforces and the authorisation matrix test (\`test/authorization-matrix.e2e.spec.ts\`)
walks for every role and without a token (\`node scripts/authorization-doc.mjs\` writes it again).

${authorizationTableMarkdown()}
## Personal data and classification

- Names and contacts of casualties, alleged perpetrators, witnesses and accused persons are stored
  encrypted (AES-256-GCM, one data key per case, keys wrapped by the master key). Readers with the
  \`personal-data\` clearance see them, and each such read is recorded in the access trail first;
  everyone else sees \`[redacted]\`; after erasure (\`POST /v1/cases/:id/erase-personal-data\`)
  everyone sees \`[erased]\`.
- An incident's classification (${CLASSIFICATIONS.map((value) => `\`${value}\``).join(', ')}) decides who sees its narrative, location,
  perpetrators and witnesses: \`public\` every reader of the incident, \`restricted\` (the default) every
  reader but member states, \`confidential\` only readers with the \`confidential\` clearance; others see
  \`[withheld: classification]\`.
- Analysts see aggregates only; no answer to them holds a name.
`;
writeFileSync(resolve(ROOT, 'docs/authorization.md'), text);
console.log('docs/authorization.md written');
