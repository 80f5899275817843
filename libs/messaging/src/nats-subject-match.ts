/**
 * Whether a NATS subject pattern covers a subject, as the server matches permissions: `*` stands
 * for one token, a final `>` for one or more. A wildcard token in the subject itself (a consumer
 * filter inside a JetStream API subject) is matched only by the same wildcard or a wider one, so
 * `a.>` covers `a.*` and `a.>`, but `a.*` does not cover `a.>`.
 */
export function natsSubjectMatches(pattern: string, subject: string): boolean {
  const wanted = pattern.split('.');
  const tokens = subject.split('.');
  for (let index = 0; index < wanted.length; index += 1) {
    const token = wanted[index];
    const actual = tokens[index];
    if (actual === undefined) return false;
    if (token === '>') return index === wanted.length - 1;
    if (actual === '>') return false;
    if (token !== '*' && token !== actual) return false;
  }
  return tokens.length === wanted.length;
}

/** Whether any of the patterns covers the subject. */
export function natsSubjectsCover(patterns: readonly string[], subject: string): boolean {
  return patterns.some((pattern) => natsSubjectMatches(pattern, subject));
}

/** Whether allow/deny rules let a subject through, as the server decides: allowed and not denied. */
export function natsRulesAllow(rules: { readonly allow: readonly string[]; readonly deny: readonly string[] }, subject: string): boolean {
  return natsSubjectsCover(rules.allow, subject) && !natsSubjectsCover(rules.deny, subject);
}
