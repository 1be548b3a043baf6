import { describe, expect, it } from 'vitest';
import { createRedisGuard, RedisUnavailableError } from '../../src/results/index.js';

describe('Redis circuit breaker', () => {
  it('fails at once for the cool-off after a failure, then lets one call try again', async () => {
    let now = 0;
    const guard = createRedisGuard({ coolOffMs: 1000, now: () => now });
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('Command timed out');
    };
    await expect(guard.run(failing)).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(calls).toBe(1);
    now = 999;
    await expect(guard.run(failing)).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(calls).toBe(1);
    now = 1000;
    await expect(guard.run(async () => 'PONG')).resolves.toBe('PONG');
    await expect(guard.run(async () => 'again')).resolves.toBe('again');
  });
});
