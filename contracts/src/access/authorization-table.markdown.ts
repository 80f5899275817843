import { ENDPOINT_ACCESS } from './endpoint-access.js';
import { ROLES } from './principal.js';

/** The authorisation table as Markdown, as docs/authorization.md publishes it. */
export function authorizationTableMarkdown(): string {
  const header = `| Endpoint | ${ROLES.join(' | ')} | Scope |`;
  const rule = `|${' --- |'.repeat(ROLES.length + 2)}`;
  const rows = ENDPOINT_ACCESS.map((entry) => {
    const cells = ROLES.map((role) => (entry.roles === 'public' || entry.roles.includes(role) ? 'yes' : 'no'));
    const scope = entry.roles === 'public' ? 'no token needed' : entry.scope;
    return `| \`${entry.method} ${entry.path}\` | ${cells.join(' | ')} | ${scope} |`;
  });
  return [header, rule, ...rows].join('\n') + '\n';
}
