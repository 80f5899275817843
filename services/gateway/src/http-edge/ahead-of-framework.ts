import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** A route the gateway answers itself, before Express and Nest see the request. */
export interface LaneRoute {
  matches(request: IncomingMessage): boolean;
  serve(request: IncomingMessage, response: ServerResponse): void;
}

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Puts `lane` in front of the HTTP server's own request listener (the Express application): a
 * request the lane matches is served by it alone, every other one goes on as before.
 */
export function serveAheadOfFramework(server: Server, lane: LaneRoute): void {
  const framework = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (lane.matches(request)) lane.serve(request, response);
    else for (const listener of framework) listener(request, response);
  });
}
