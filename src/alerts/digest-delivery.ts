import type { Redis } from 'ioredis';
import type { SlackMessage } from '../blocks/limits.js';
import type { AlertPoster } from './poster.js';
import { keyBlockId } from './render.js';
import { classifySlackError, SlackDeliveryError } from './slack-errors.js';

interface Claim {
  status: 'inflight' | 'done';
  owner: string;
  since: number;
  until: number;
  ts?: string;
}

const SWAP = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

const KEEP_MS = 3 * 86_400_000;

export interface DigestDelivery {
  redis: Redis;
  prefix: string;
  poster: AlertPoster;
  owner: string;
  leaseMs: number;
  clock: () => number;
}

/**
 * Posts one day's digest once, whatever the number of workers and restarts: a claim in Redis is
 * taken before the post and marked done after; a claim left by a dead worker is checked in Slack's
 * history (when it can be) before posting again. Resolves to 'posted', 'done' (already) or 'busy'.
 */
export async function postDigestOnce(
  d: DigestDelivery,
  id: string,
  day: string,
  channel: string,
  message: SlackMessage,
): Promise<'posted' | 'done' | 'busy'> {
  const key = `${d.prefix}:alert:${id}:${day}`;
  const now = d.clock();
  const mine: Claim = { status: 'inflight', owner: d.owner, since: now, until: now + d.leaseMs };
  let uncertainSince: number | undefined;
  const created = await d.redis.set(key, JSON.stringify(mine), 'PX', KEEP_MS, 'NX');
  if (created !== 'OK') {
    const raw = await d.redis.get(key);
    const found = raw ? (JSON.parse(raw) as Claim) : undefined;
    if (!raw || !found) return 'busy';
    if (found.status === 'done') return 'done';
    if (found.until > now) return 'busy';
    const swapped = await d.redis.eval(
      SWAP,
      1,
      key,
      raw,
      JSON.stringify({ ...mine, since: found.since }),
      String(KEEP_MS),
    );
    if (swapped !== 1) return 'busy';
    uncertainSince = found.since;
  }
  const marker = `${id}.${day}`;
  const blocks = [...(message.blocks ?? [])];
  const last = blocks.at(-1);
  if (last) blocks[blocks.length - 1] = { ...last, block_id: keyBlockId(marker) };
  const keyed = { ...message, blocks, key: marker };
  try {
    const existing =
      uncertainSince !== undefined && d.poster.find
        ? await d.poster.find(channel, marker, uncertainSince)
        : undefined;
    const ts = existing ?? (await d.poster.post(channel, keyed));
    await d.redis.set(key, JSON.stringify({ ...mine, status: 'done', ts } satisfies Claim), 'PX', KEEP_MS);
    return 'posted';
  } catch (err) {
    const failure = classifySlackError(err);
    const uncertain = failure.kind === 'transient' && failure.uncertain;
    // A refused post releases the claim; one that may have landed is marked for a look in Slack first.
    if (uncertain) {
      const since = uncertainSince ?? now;
      await d.redis.set(key, JSON.stringify({ ...mine, since, until: 0 } satisfies Claim), 'PX', KEEP_MS);
    } else await d.redis.del(key);
    throw err instanceof SlackDeliveryError ? err : new SlackDeliveryError(failure, err);
  }
}
