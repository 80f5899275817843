export { evolveAll, type Decider, type DomainEvent, type StateEvolver } from './decider.js';
export { DomainError } from './domain-error.js';
export { asDomainEventMetadata, type DomainEventMetadata, type UnchainedEventMetadata } from './event-metadata.js';
export { chainEvents, computeEventHash, type ChainedEvent, type HashableEvent, type UnchainedEvent } from './hash-chain.js';
export { verifyChain, type ChainBreakReason, type ChainVerification, type VerifiableEvent } from './chain-verifier.js';
export {
  aggregateStream,
  type AggregatedStream,
  type AggregateStreamOptions,
  type Upcaster,
} from './aggregate-stream.js';
export {
  handleCommand,
  type CommandContext,
  type CommandResult,
  type CommittedEvent,
  type HandleCommandRequest,
} from './command-handler.js';
export { ConcurrencyConflictError, EventSourcingError, StaleRevisionError } from './errors.js';
export { appendToChain } from './chain-appender.js';
