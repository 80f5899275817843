import { ENDPOINT_ACCESS } from '@bluehelm/contracts';
import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = { description?: string; security?: unknown[]; 'x-bluehelm-roles'?: readonly string[] | 'public' };

/**
 * Writes each route's rule from ENDPOINT_ACCESS into its OpenAPI operation: the roles that may
 * call it (also as `x-bluehelm-roles`), what services narrow further, and no security
 * requirement on the public routes. The document then says what the AccessGuard enforces.
 */
export function withAccessRules(document: OpenAPIObject): OpenAPIObject {
  for (const rule of ENDPOINT_ACCESS) {
    const path = rule.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const operation = (document.paths[path] as Record<string, Operation> | undefined)?.[rule.method.toLowerCase()];
    if (operation === undefined) continue;
    operation['x-bluehelm-roles'] = rule.roles;
    if (rule.roles === 'public') {
      operation.security = [];
      continue;
    }
    const scope = rule.scope === '' ? '' : ` Scope: ${rule.scope}.`;
    operation.description = `${operation.description ?? ''}\n\nRoles: ${rule.roles.join(', ')}.${scope}`.trim();
  }
  return document;
}
