/**
 * NATS request/reply subjects of the notification service (NestJS transport, queue group
 * `notification`). Every reply is plain JSON: the success value named beside each subject, or a
 * ProblemReply whose `status` is the HTTP status to answer. Subjects are only ever added to.
 *
 * | subject                   | message                        | reply                    |
 * | ------------------------- | ------------------------------ | ------------------------ |
 * | focalPoints.create        | CreateFocalPointMessage        | FocalPointView (201)     |
 * | focalPoints.list          | FocalPointListQuery (JSON)     | FocalPointList           |
 * | focalPoints.get           | NotificationResourceMessage    | FocalPointView           |
 * | focalPoints.delete        | RemoveNotificationResourceMessage | RemovedResourceReply  |
 * | subscriptions.create      | CreateSubscriptionMessage      | CreatedSubscriptionView (201; the only reply with the secret) |
 * | subscriptions.list        | SubscriptionListQuery (JSON)   | SubscriptionList         |
 * | subscriptions.get         | NotificationResourceMessage    | SubscriptionView         |
 * | subscriptions.delete      | RemoveNotificationResourceMessage | RemovedResourceReply  |
 * | notifications.list        | NotificationListQuery (JSON)   | NotificationList         |
 * | notifications.get         | NotificationResourceMessage    | NotificationView         |
 * | notifications.redeliver   | RedeliverNotificationMessage   | NotificationView (pending again) |
 */
export const NOTIFICATION_SUBJECTS = {
  focalPoints: {
    create: 'bluehelm.notification.focal-points.create',
    list: 'bluehelm.notification.focal-points.list',
    get: 'bluehelm.notification.focal-points.get',
    delete: 'bluehelm.notification.focal-points.delete',
  },
  subscriptions: {
    create: 'bluehelm.notification.subscriptions.create',
    list: 'bluehelm.notification.subscriptions.list',
    get: 'bluehelm.notification.subscriptions.get',
    delete: 'bluehelm.notification.subscriptions.delete',
  },
  notifications: {
    list: 'bluehelm.notification.notifications.list',
    get: 'bluehelm.notification.notifications.get',
    redeliver: 'bluehelm.notification.notifications.redeliver',
  },
} as const;
