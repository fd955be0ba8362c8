/**
 * Counts failed logins per account and per IP in fixed windows. In memory for a single
 * instance; with Redis configured the counters are shared by every instance.
 */
export interface ThrottleStore {
  /** increments the counter and returns its value and the seconds until it resets */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }>;
  peek(key: string): Promise<{ count: number; resetInSeconds: number }>;
  reset(key: string): Promise<void>;
}

export class MemoryThrottleStore implements ThrottleStore {
  private readonly counters = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowSeconds: number) {
    const now = this.now();
    let entry = this.counters.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.counters.set(key, entry);
    }
    entry.count += 1;
    if (this.counters.size > 100_000) this.sweep(now);
    return { count: entry.count, resetInSeconds: (entry.resetAt - now) / 1000 };
  }

  async peek(key: string) {
    const now = this.now();
    const entry = this.counters.get(key);
    if (!entry || entry.resetAt <= now) return { count: 0, resetInSeconds: 0 };
    return { count: entry.count, resetInSeconds: (entry.resetAt - now) / 1000 };
  }

  async reset(key: string) {
    this.counters.delete(key);
  }

  private sweep(now: number) {
    for (const [key, entry] of this.counters) if (entry.resetAt <= now) this.counters.delete(key);
  }
}

export interface LoginThrottleLimits {
  perAccount: number;
  perIp: number;
  windowSeconds: number;
}

export const defaultLoginLimits: LoginThrottleLimits = { perAccount: 10, perIp: 50, windowSeconds: 15 * 60 };

export class LoginThrottle {
  constructor(
    private readonly store: ThrottleStore,
    private readonly limits: LoginThrottleLimits = defaultLoginLimits,
  ) {}

  /** Seconds to wait before another attempt is allowed, or 0 when allowed now. */
  async retryAfter(username: string, ip: string): Promise<number> {
    const [account, address] = await Promise.all([
      this.store.peek(`login:user:${username.toLowerCase()}`),
      this.store.peek(`login:ip:${ip}`),
    ]);
    let wait = 0;
    if (account.count >= this.limits.perAccount) wait = Math.max(wait, account.resetInSeconds);
    if (address.count >= this.limits.perIp) wait = Math.max(wait, address.resetInSeconds);
    return wait;
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    await Promise.all([
      this.store.hit(`login:user:${username.toLowerCase()}`, this.limits.windowSeconds),
      this.store.hit(`login:ip:${ip}`, this.limits.windowSeconds),
    ]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.store.reset(`login:user:${username.toLowerCase()}`);
  }
}
