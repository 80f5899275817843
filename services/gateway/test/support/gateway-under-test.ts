import { findFreePort } from '../../../../scripts/lib/free-port.mjs';
import { startServiceProcess, untilReady, type ServiceProcess } from '../service-process.js';

export interface GatewayUnderTest {
  readonly url: string;
  readonly process: ServiceProcess;
  /** The gateway's resident memory as its /metrics report it. */
  residentMemoryBytes(): Promise<number>;
  stop(): Promise<number | string>;
}

/** The built gateway (services/gateway/dist) as a real process on a free port. */
export async function startGateway(natsUrl: string, env: Record<string, string> = {}): Promise<GatewayUnderTest> {
  const port = await findFreePort();
  const gateway = startServiceProcess('gateway', { EVENT_STORE_URL: 'memory:', NATS_URL: natsUrl, PORT: String(port), ...env });
  await untilReady(gateway, port);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    process: gateway,
    residentMemoryBytes: async () => {
      const metrics = await (await fetch(`${url}/metrics`)).text();
      const sample = /^process_resident_memory_bytes(?:\{[^}]*\})? (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(metrics);
      if (sample?.[1] === undefined) throw new Error('the gateway reports no process_resident_memory_bytes');
      return Number(sample[1]);
    },
    stop: () => gateway.stop(),
  };
}
