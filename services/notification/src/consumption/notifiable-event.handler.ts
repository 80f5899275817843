import type { IntegrationEvent, IntegrationEventDelivery } from '@bluehelm/messaging';
import { Injectable } from '@nestjs/common';
import { CaseDirectoryStore } from '../cases/case-directory.store.js';
import type { CaseRecord } from '../cases/case-record.js';
import { DeliveryStore } from '../deliveries/delivery.store.js';
import { DeliveryWorker } from '../deliveries/delivery-worker.js';
import { RecipientDirectory } from '../recipients/recipient-directory.js';
import { caseStepNotificationOf } from '../rules/case-step.rule.js';
import { fatalityNotificationOf } from '../rules/fatality.rule.js';
import type { NotifiableEvent, Notification } from '../rules/notification.js';
import { recipientsOf } from '../rules/recipient-resolution.js';

/**
 * A case step that arrives before anything said which mission the case belongs to (replicas may
 * handle CaseOpened and the next step at the same time) is put back for this many deliveries;
 * after that it is notified with what is known (subscribers by case id or event type still hear).
 */
export const CASE_CONTEXT_WAIT_DELIVERIES = 3;

export class CaseContextMissingError extends Error {
  override readonly name = 'CaseContextMissingError';
  constructor(readonly caseId: string) {
    super(`case ${caseId} is not known yet (no CaseOpened or IncidentReported seen); trying again later`);
  }
}

/** What the rules make of one event, given what is known of its case. */
export function notificationsOf(event: NotifiableEvent, caseRecord: CaseRecord | null): Notification[] {
  const fatality = fatalityNotificationOf(event);
  const step =
    caseRecord === null
      ? null
      : caseStepNotificationOf(event, {
          caseId: caseRecord.caseId,
          mission: caseRecord.mission,
          hostState: caseRecord.hostState,
          nationalities: caseRecord.nationalities,
        });
  return [fatality, step].filter((notification): notification is Notification => notification !== null);
}

/**
 * Handles one integration event: updates what is known of its case, applies the rules, and
 * records a pending delivery per recipient before anything is sent. Every write is idempotent,
 * so an event handled again (redelivered before its ack landed) changes nothing.
 */
@Injectable()
export class NotifiableEventHandler {
  constructor(
    private readonly cases: CaseDirectoryStore,
    private readonly recipients: RecipientDirectory,
    private readonly deliveries: DeliveryStore,
    private readonly worker: DeliveryWorker,
  ) {}

  async handle(event: IntegrationEvent, delivery: IntegrationEventDelivery): Promise<void> {
    const caseRecord = await this.cases.record(event);
    if (caseRecord !== null && caseRecord.mission === null && delivery.deliveryCount < CASE_CONTEXT_WAIT_DELIVERIES) {
      throw new CaseContextMissingError(caseRecord.caseId);
    }
    let created = 0;
    for (const notification of notificationsOf(event, caseRecord)) {
      created += await this.deliveries.recordAll(notification, recipientsOf(notification, this.recipients.current()), new Date());
    }
    if (created > 0) this.worker.wake();
  }
}
