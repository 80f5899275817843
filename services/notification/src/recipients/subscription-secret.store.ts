import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_DATABASE } from '../database/notification-database.module.js';
import type { SqlDatabase } from '../database/sql-database.js';

/** A new signing secret as Standard Webhooks writes it: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The signing secrets of webhook subscriptions, kept in the service's own database only. */
@Injectable()
export class SubscriptionSecretStore {
  constructor(@Inject(NOTIFICATION_DATABASE) private readonly db: SqlDatabase) {}

  async save(subscriptionId: string, secret: string): Promise<void> {
    await this.db.execute(
      'INSERT INTO subscription_secrets (subscription_id, secret) VALUES (?, ?) ON CONFLICT (subscription_id) DO NOTHING',
      [subscriptionId, secret],
    );
  }

  async secretOf(subscriptionId: string): Promise<string | undefined> {
    const rows = await this.db.query<{ secret: string }>('SELECT secret FROM subscription_secrets WHERE subscription_id = ?', [
      subscriptionId,
    ]);
    return rows[0]?.secret;
  }

  async forget(subscriptionId: string): Promise<void> {
    await this.db.execute('DELETE FROM subscription_secrets WHERE subscription_id = ?', [subscriptionId]);
  }
}
