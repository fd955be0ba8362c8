import { describe, expect, it } from 'vitest';
import { LoginThrottle, MemoryThrottleStore } from './login-throttle.ts';

describe('LoginThrottle', () => {
  const limits = { perAccount: 3, perIp: 5, windowSeconds: 60 };

  it('blocks an account after its failures, whatever the IP', async () => {
    let now = 0;
    const throttle = new LoginThrottle(new MemoryThrottleStore(() => now), limits);
    for (let i = 0; i < 3; i++) await throttle.recordFailure('Ann', `10.0.0.${i}`);
    expect(await throttle.retryAfter('ann', '10.0.0.99')).toBeGreaterThan(0);
    expect(await throttle.retryAfter('bob', '10.0.0.99')).toBe(0);
    now += 61_000;
    expect(await throttle.retryAfter('ann', '10.0.0.99')).toBe(0);
  });

  it('blocks an IP that tries many accounts', async () => {
    const throttle = new LoginThrottle(new MemoryThrottleStore(), limits);
    for (let i = 0; i < 5; i++) await throttle.recordFailure(`user${i}`, '192.0.2.1');
    expect(await throttle.retryAfter('someone-else', '192.0.2.1')).toBeGreaterThan(0);
    expect(await throttle.retryAfter('someone-else', '192.0.2.2')).toBe(0);
  });

  it('a successful login clears the account counter', async () => {
    const throttle = new LoginThrottle(new MemoryThrottleStore(), limits);
    for (let i = 0; i < 2; i++) await throttle.recordFailure('ann', '192.0.2.1');
    await throttle.recordSuccess('ann');
    await throttle.recordFailure('ann', '192.0.2.1');
    await throttle.recordFailure('ann', '192.0.2.1');
    expect(await throttle.retryAfter('ann', '192.0.2.3')).toBe(0);
  });
});
