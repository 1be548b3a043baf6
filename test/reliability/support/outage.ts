import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { ACTION, decodePageValue, encodePageValue } from '../../../src/blocks/index.js';
import type { OwnRedis } from './own-redis.js';
import type { Sink } from './sink.js';
import { type AnswerKind, type Conversation, type Exchange, kindOf } from './talk.js';

export type Phase = 'before' | 'down' | 'after';

export interface Timed extends Exchange {
  phase: Phase;
  /** Send to first answer, ms; undefined when none came within 3 s (`answer` may still have come later). */
  answerMs?: number;
  kind?: AnswerKind;
}

export interface OutageReport {
  mode: OutageMode;
  requests: Timed[];
  downMs: number;
  /** From the restart to the first page answered to a request sent after it. */
  resumeMs: number | undefined;
  /** When Redis answered again (performance.now()). */
  upAt: number;
}

/** How Redis goes away: shut down and started again (its data kept in a dump), or frozen and thawed. */
export type OutageMode = 'shutdown' | 'freeze';

/** Time after Redis is back within which the bot must serve again (ioredis 6 backs off up to 5.2 s). */
export const SETTLE_MS: Record<OutageMode, number> = { shutdown: 5500, freeze: 1000 };

/** How long Redis stays away. */
const AWAY_MS: Record<OutageMode, number> = { shutdown: 4000, freeze: 6000 };

/**
 * Sends a command or click every 60 ms for 1 s with Redis up, 4 or 6 s with it away, and until a
 * while after it is back; then collects each request's first answer (waiting at most 3 s from its
 * sending).
 */
export async function outageUnderLoad(
  mode: OutageMode,
  redis: OwnRedis,
  talk: Conversation,
  sink: Sink,
  loadCursor: string,
) {
  // Next buttons name the page they lead to: the load walks forward, one new page per click.
  const { cursorId, page } = decodePageValue(loadCursor) ?? { cursorId: loadCursor, page: 2 };
  let next = page;
  const forward = () => talk.sendClick(ACTION.next, encodePageValue({ cursorId, page: next++ }));
  const mix = [
    () => talk.sendCommand('failed last 7 days limit:10'),
    forward,
    () => talk.sendCommand('summary 7d'),
    forward,
    () => talk.sendCommand('help'),
  ];
  let phase: Phase = 'before';
  let running = true;
  const sent: Promise<Exchange & { phase: Phase }>[] = [];
  const generator = (async () => {
    for (let i = 0; running; i++) {
      const at = phase;
      sent.push(mix[i % mix.length]!().then((e) => ({ ...e, phase: at })));
      await sleep(60);
    }
  })();
  await sleep(1000);
  phase = 'down';
  const downAt = performance.now();
  if (mode === 'shutdown') await redis.shutdown();
  else redis.freeze();
  await sleep(AWAY_MS[mode]);
  if (mode === 'shutdown') await redis.start();
  else redis.thaw();
  const upAt = performance.now();
  phase = 'after';
  await sleep(SETTLE_MS[mode] + 1500);
  running = false;
  await generator;
  const requests: Timed[] = [];
  for (const exchange of await Promise.all(sent)) {
    // Late answers are waited for too (up to 15 s), to say how late they were.
    const left = Math.max(0, exchange.sentAt + 15_000 - performance.now());
    const answer = await sink.waitFor(exchange.id, left).catch(() => undefined);
    const timed: Timed = { ...exchange, ...(answer ? { answer, kind: kindOf(answer) } : {}) };
    if (answer && answer.at - exchange.sentAt <= 3000) timed.answerMs = answer.at - exchange.sentAt;
    requests.push(timed);
  }
  const resumed = requests
    .filter((r) => r.sentAt >= upAt && r.kind === 'page' && r.answer)
    .map((r) => r.answer!.at - upAt);
  return {
    mode,
    requests,
    downMs: upAt - downAt,
    resumeMs: resumed.length > 0 ? Math.min(...resumed) : undefined,
    upAt,
  } satisfies OutageReport;
}

/** What one outage measured, in a few words. */
export function describeOutage(report: OutageReport): string {
  const { requests, resumeMs, downMs, mode } = report;
  const answered = requests.filter((r) => r.answerMs !== undefined);
  const maxMs = Math.max(0, ...answered.map((r) => r.answerMs!));
  const during = requests.filter((r) => r.phase === 'down').length;
  const unavailable = requests.filter((r) => r.kind === 'storage-unavailable').length;
  const resumed = resumeMs === undefined ? 'never' : `${Math.round(resumeMs)} ms`;
  const late = requests.filter((r) => r.answerMs === undefined);
  const worst = Math.max(
    0,
    ...late.map((r) => (r.answer ? r.answer.at - r.sentAt : Number.POSITIVE_INFINITY)),
  );
  const lateText =
    late.length > 0
      ? `, ${late.length} later (worst ${Number.isFinite(worst) ? `${Math.round(worst)} ms` : 'never'}: ${late
          .slice(0, 3)
          .map((r) => r.label)
          .join(', ')})`
      : '';
  return `${mode}: ${requests.length} requests (${during} in ${(downMs / 1000).toFixed(1)} s away), ${answered.length} answered within 3 s (max ${Math.round(maxMs)} ms)${lateText}, ${unavailable} said storage is unavailable, served again ${resumed} after`;
}

/** Every request answered within 3 s, clearly; the outage was felt; service back within SETTLE_MS (soft: every check runs). */
export function expectServed(report: OutageReport): void {
  const { requests, resumeMs, upAt, mode } = report;
  const late = requests.filter((r) => r.answerMs === undefined);
  const during = requests.filter((r) => r.phase === 'down');
  const downAt = upAt - report.downMs;
  const lateness = late.map(
    (r) =>
      `${r.label} sent ${((r.sentAt - downAt) / 1000).toFixed(1)} s into the outage, answered ${r.answer ? `after ${Math.round(r.answer.at - r.sentAt)} ms` : 'never'}`,
  );
  expect.soft(requests.every((r) => r.ack.status === 200)).toBe(true);
  expect.soft(lateness, `${mode}: answers later than 3 s`).toEqual([]);
  expect.soft(requests.filter((r) => r.kind === 'unexpected').map((r) => r.label)).toEqual([]);
  expect.soft(during.filter((r) => r.kind === 'storage-unavailable').length).toBeGreaterThan(0);
  expect.soft(resumeMs, `${mode}: served again after`).toBeLessThan(SETTLE_MS[mode]);
  const settled = requests.filter((r) => r.sentAt > upAt + SETTLE_MS[mode]);
  expect.soft(settled.length).toBeGreaterThan(0);
  expect.soft(settled.filter((r) => r.kind === 'storage-unavailable').map((r) => r.label)).toEqual([]);
}
