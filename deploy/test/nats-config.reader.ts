/**
 * Reads the parts of a nats-server configuration the deployment tests check: the JetStream store,
 * the cluster routes and the files it includes. It understands the block form this repository
 * writes (`jetstream { store_dir: ... }`, `cluster { routes: [ ... ] }`), not the whole format.
 */
export interface NatsServerConfig {
  /** undefined when the configuration has no jetstream block. */
  readonly jetStreamStoreDir: string | undefined;
  /** Each route as host:port. */
  readonly routes: readonly string[];
  /** The paths of `include` lines, as written (relative to the configuration's folder). */
  readonly includes: readonly string[];
}

export function readNatsServerConfig(text: string): NatsServerConfig {
  const withoutComments = text.replace(/#.*$/gm, '');
  const jetStream = blockOf(withoutComments, 'jetstream');
  const cluster = blockOf(withoutComments, 'cluster') ?? '';
  const storeDir = jetStream === undefined ? undefined : /store_dir\s*[:=]\s*"?([^\s"]+)"?/.exec(jetStream)?.[1];
  const routeList = /routes\s*[:=]\s*\[([^\]]*)\]/.exec(cluster)?.[1] ?? '';
  const routes = routeList
    .split(/[\s,]+/)
    .map((route) => route.replace(/^"|"$/g, ''))
    .filter((route) => route !== '')
    .map((route) => new URL(route).host);
  const includes = [...withoutComments.matchAll(/^\s*include\s+"?([^"\s;]+)"?/gm)].map((match) => match[1] ?? '');
  return { jetStreamStoreDir: jetStream === undefined ? undefined : (storeDir ?? ''), routes, includes };
}

/** The text between the braces of `name { ... }` (nested braces included), if there is one. */
function blockOf(text: string, name: string): string | undefined {
  const opening = new RegExp(`(^|\\s)${name}\\s*[:=]?\\s*\\{`, 'm').exec(text);
  if (opening === null) return undefined;
  const start = opening.index + opening[0].length;
  let depth = 1;
  for (let index = start; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    if (text[index] === '}') depth -= 1;
    if (depth === 0) return text.slice(start, index);
  }
  return undefined;
}
