import { ServiceConfig } from '@bluehelm/service-kit';
import { Expose, Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { READ_MODEL_DATABASE_URL_PATTERN } from '../read-model/read-model-database.url.js';

/** The settings of the analytics service, beside those every service reads. */
export class AnalyticsConfig extends ServiceConfig {
  /** The service's own database for its read models; rebuildable from the event log at any time. */
  @Expose()
  @Matches(READ_MODEL_DATABASE_URL_PATTERN, {
    message: 'ANALYTICS_DB_URL must be sqlite:<file> or postgres://user@host:port/db (optionally ?schema=<name>)',
  })
  ANALYTICS_DB_URL = 'sqlite:./data/analytics.db';

  /** An open case with no step for more than this many days counts as stalled. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'STALL_DAYS must be an integer from 1 to 3650' })
  @Min(1, { message: 'STALL_DAYS must be an integer from 1 to 3650' })
  @Max(3650, { message: 'STALL_DAYS must be an integer from 1 to 3650' })
  STALL_DAYS = 180;
}
