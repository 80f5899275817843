import { DomainError } from '@bluehelm/event-sourcing';

/** No focal point or subscription has this id, or it was removed. */
export class RecipientNotFoundError extends DomainError {
  readonly code = 'recipient-not-found';
  constructor(
    readonly what: 'focal point' | 'subscription',
    readonly id: string,
  ) {
    super(`there is no ${what} ${id}`);
  }
}

/** The id is already taken by a different focal point or subscription. */
export class RecipientIdTakenError extends DomainError {
  readonly code = 'recipient-id-taken';
  constructor(
    readonly what: 'focal point' | 'subscription',
    readonly id: string,
  ) {
    super(`the ${what} id ${id} is already taken`);
  }
}
