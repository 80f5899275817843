// The sealed form is part of the public event payloads, so its shape and guard live in contracts.
export { isSealedValue, SEALED_ALGORITHM, type SealedValue } from '@bluehelm/contracts';
