import type { Redis } from 'ioredis';
import type { ThrottleStore } from './login-throttle.ts';

/** Login failure counters shared by every instance behind a load balancer. */
export class RedisThrottleStore implements ThrottleStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'resonance:throttle:',
  ) {}

  async hit(key: string, windowSeconds: number) {
    const full = this.prefix + key;
    const [[, count], , [, ttl]] = (await this.redis
      .multi()
      .incr(full)
      .expire(full, windowSeconds, 'NX')
      .ttl(full)
      .exec()) as [[null, number], [null, number], [null, number]];
    return { count, resetInSeconds: Math.max(0, ttl) };
  }

  async peek(key: string) {
    const full = this.prefix + key;
    const [count, ttl] = await Promise.all([this.redis.get(full), this.redis.ttl(full)]);
    return { count: Number(count ?? 0), resetInSeconds: Math.max(0, ttl) };
  }

  async reset(key: string) {
    await this.redis.del(this.prefix + key);
  }
}
