/**
 * Who asks, as a verified token says (architecture.md, "Authentication"): the claims `sub`,
 * `roles`, `missions`, `memberState` and `clearance`. Services decide on a Principal, never on
 * a header they cannot check.
 */
export const ROLES = ['reporter', 'case-officer', 'analyst', 'auditor', 'member-state', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * `personal-data` lets a reader see names of casualties, accused persons and witnesses;
 * `confidential` lets a reader see the narrative and details of confidential incidents.
 */
export const CLEARANCES = ['personal-data', 'confidential'] as const;
export type Clearance = (typeof CLEARANCES)[number];

export interface Principal {
  /** The token's subject: the person or system, as recorded in events and the access trail. */
  readonly sub: string;
  readonly roles: readonly Role[];
  /** Mission acronyms a reporter or case officer works for. */
  readonly missions: readonly string[];
  /** ISO alpha-3 of the Member State a `member-state` token speaks for. */
  readonly memberState?: string;
  readonly clearances: readonly Clearance[];
}

export type ClaimsCheck = { readonly principal: Principal } | { readonly refused: string };

/**
 * The Principal that verified claims describe, or why they describe none. Unknown roles and
 * clearances are ignored (an identity provider may carry roles of other systems); a token with
 * none of ours is refused. `clearance` may be one string or a list.
 */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>): ClaimsCheck {
  const sub = claims['sub'];
  if (typeof sub !== 'string' || sub.trim() === '') return { refused: 'the token has no subject (sub)' };
  const roles = knownOf(listClaim(claims['roles']), ROLES);
  if (roles.length === 0) return { refused: `the token carries none of the roles ${ROLES.join(', ')}` };
  const missions = listClaim(claims['missions']);
  const memberState = claims['memberState'];
  if (memberState !== undefined && (typeof memberState !== 'string' || !/^[A-Z]{3}$/.test(memberState))) {
    return { refused: 'memberState must be an ISO 3166-1 alpha-3 code' };
  }
  if (roles.includes('member-state') && memberState === undefined) {
    return { refused: 'a member-state token must name its memberState' };
  }
  const clearances = knownOf(listClaim(claims['clearance']), CLEARANCES);
  return {
    principal: { sub, roles, missions, ...(memberState !== undefined && { memberState }), clearances },
  };
}

export function hasRole(principal: Principal, ...roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

export function hasClearance(principal: Principal, clearance: Clearance): boolean {
  return principal.clearances.includes(clearance);
}

function listClaim(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

function knownOf<T extends string>(values: readonly string[], known: readonly T[]): T[] {
  return [...new Set(values.filter((value): value is T => (known as readonly string[]).includes(value)))];
}
