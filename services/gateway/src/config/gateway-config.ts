import { ServiceConfig } from '@bluehelm/service-kit';
import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const TIMEOUT_MESSAGE = 'NATS_REQUEST_TIMEOUT_MS must be an integer from 1 to 600000';
const IN_FLIGHT_MESSAGE = 'BATCH_IN_FLIGHT must be an integer from 1 to 256';
const PROGRESS_MESSAGE = 'BATCH_PROGRESS_EVERY must be an integer from 1 to 1000000';
const RATE_MESSAGE = 'RATE_LIMIT_PER_MINUTE must be an integer from 1 to 10000000';
const HEARTBEAT_MESSAGE = 'SSE_HEARTBEAT_MS must be an integer from 100 to 300000';

/** The gateway's own settings, beside those every service reads. */
export class GatewayConfig extends ServiceConfig {
  /** How long the gateway waits for a service's reply before it answers 504. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: TIMEOUT_MESSAGE })
  @Min(1, { message: TIMEOUT_MESSAGE })
  @Max(600_000, { message: TIMEOUT_MESSAGE })
  NATS_REQUEST_TIMEOUT_MS = 10_000;

  /** How many reports of one batch import may wait for intake at the same time. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: IN_FLIGHT_MESSAGE })
  @Min(1, { message: IN_FLIGHT_MESSAGE })
  @Max(256, { message: IN_FLIGHT_MESSAGE })
  BATCH_IN_FLIGHT = 16;

  /** A streamed batch answer carries a progress line after every this many reports. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: PROGRESS_MESSAGE })
  @Min(1, { message: PROGRESS_MESSAGE })
  @Max(1_000_000, { message: PROGRESS_MESSAGE })
  BATCH_PROGRESS_EVERY = 1_000;

  /**
   * How often an open event stream (`GET /v1/analytics/stream`) carries a comment line when no
   * event comes, so that proxies keep it open and a client notices a dead connection.
   */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: HEARTBEAT_MESSAGE })
  @Min(100, { message: HEARTBEAT_MESSAGE })
  @Max(300_000, { message: HEARTBEAT_MESSAGE })
  SSE_HEARTBEAT_MS = 15_000;

  /**
   * Requests one caller (one token subject; one address on the public routes) may make per
   * minute to one gateway replica before it answers 429. High enough for a mission system's
   * batch import over single reports; lower it at the edge for people.
   */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: RATE_MESSAGE })
  @Min(1, { message: RATE_MESSAGE })
  @Max(10_000_000, { message: RATE_MESSAGE })
  RATE_LIMIT_PER_MINUTE = 120_000;
}
