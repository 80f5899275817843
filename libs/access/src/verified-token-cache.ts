import type { Principal } from '@bluehelm/contracts';

interface Entry {
  readonly principal: Principal;
  /** The token's exp, in milliseconds: the cache never answers for a token past it. */
  readonly expiresAt: number;
}

/**
 * Tokens already verified, so that a service seeing the same token on every request spends no
 * signature check on it. Bounded: past `capacity`, the entry stored first goes first (a Map
 * iterates in insertion order).
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity: number,
    private readonly now: () => number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('the cache capacity must be a positive integer');
  }

  get size(): number {
    return this.entries.size;
  }

  principalOf(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (this.now() >= entry.expiresAt) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  remember(token: string, principal: Principal, expiresAt: number): void {
    if (this.now() >= expiresAt) return;
    this.entries.delete(token);
    while (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(token, { principal, expiresAt });
  }
}
