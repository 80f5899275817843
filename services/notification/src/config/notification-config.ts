import { ServiceConfig } from '@bluehelm/service-kit';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** An integer setting from `min` to `max`, with the message the loader prints. */
function IntegerSetting(name: string, min: number, max: number): PropertyDecorator {
  const message = `${name} must be an integer from ${min} to ${max}`;
  return (target, propertyName) => {
    Expose()(target, propertyName);
    Type(() => Number)(target, propertyName);
    IsInt({ message })(target, propertyName);
    Min(min, { message })(target, propertyName);
    Max(max, { message })(target, propertyName);
  };
}

const DAY_MS = 86_400_000;

/** The notification service's settings, beside those every service reads. */
export class NotificationConfig extends ServiceConfig {
  /** Delivery records, attempts, signing secrets and what the rules know of cases. */
  @Expose()
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'NOTIFICATION_DB_URL must be sqlite:<file> or postgres://user@host:port/db?schema=<name>',
  })
  NOTIFICATION_DB_URL = 'sqlite:./data/notification.db';

  /**
   * The SMTP server e-mail goes through (`smtp://host:port`, `smtps://user:pass@host:465`).
   * Empty: no e-mail is sent, and each e-mail delivery becomes a dead letter saying so, to be
   * redelivered once a server is set.
   */
  @Expose()
  @Matches(/^(smtps?:\/\/.+)?$/, { message: 'SMTP_URL must be smtp://host:port or smtps://host:port (or empty)' })
  SMTP_URL = '';

  @Expose()
  @IsString({ message: 'SMTP_FROM must be an address such as "Bluehelm <notifications@example.org>"' })
  SMTP_FROM = 'Bluehelm notifications <notifications@bluehelm.invalid>';

  /** A case with no step for this many days (world dates) is stalled. */
  @IntegerSetting('STALL_DAYS', 1, 36_500)
  STALL_DAYS = 180;

  /** How often stalled cases are looked for. */
  @IntegerSetting('STALL_CHECK_INTERVAL_MS', 100, DAY_MS)
  STALL_CHECK_INTERVAL_MS = 3_600_000;

  /** Attempts before a delivery becomes a dead letter (counted again after a redelivery). */
  @IntegerSetting('DELIVERY_MAX_ATTEMPTS', 1, 100)
  DELIVERY_MAX_ATTEMPTS = 8;

  /** The delay before the second attempt; each further one doubles it, with jitter. */
  @IntegerSetting('DELIVERY_BACKOFF_INITIAL_MS', 1, DAY_MS)
  DELIVERY_BACKOFF_INITIAL_MS = 5_000;

  @IntegerSetting('DELIVERY_BACKOFF_MAX_MS', 1, 7 * DAY_MS)
  DELIVERY_BACKOFF_MAX_MS = 3_600_000;

  /** How long one webhook call or one e-mail may take before the attempt counts as failed. */
  @IntegerSetting('DELIVERY_TIMEOUT_MS', 100, 600_000)
  DELIVERY_TIMEOUT_MS = 10_000;

  /** Deliveries sent at the same time by one replica. */
  @IntegerSetting('DELIVERY_CONCURRENCY', 1, 256)
  DELIVERY_CONCURRENCY = 8;

  /** How often due deliveries are looked for when nothing new woke the sender. */
  @IntegerSetting('DELIVERY_POLL_MS', 10, 600_000)
  DELIVERY_POLL_MS = 1_000;

  /** How long JetStream waits for the consumer's ack before it delivers an event again. */
  @IntegerSetting('EVENTS_ACK_WAIT_MS', 1_000, 600_000)
  EVENTS_ACK_WAIT_MS = 30_000;
}
