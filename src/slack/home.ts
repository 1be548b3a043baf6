import { createAlertStore } from '../alerts/state.js';
import type { RuleStatus } from '../blocks/alert-status.js';
import { type HomeGlance, type HomeRule, homeView } from '../blocks/home.js';
import { parseQuery } from '../query/parse.js';
import type { SummaryQuery } from '../query/types.js';
import { UNIT_MS } from '../time/duration.js';
import { homeViewers } from '../work/home-refresh.js';
import type { BotDeps } from './deps.js';
import { slackErrorCode } from './failures.js';
import { keepingOf, ruleAdminRefusal } from './rule-admin.js';

const FAILED = new Set(['FAILED', 'ABORTED', 'EXPIRED', 'PARTIAL']);

/** Jobs of the last 24 hours by state and by account and Region, from the Summaries API. */
async function glanceOf(deps: BotDeps): Promise<HomeGlance> {
  const parsed = parseQuery('summary 24h', { now: deps.now(), timeZone: 'UTC' });
  if (!parsed.ok || parsed.query.kind !== 'summary') throw new Error('the Home summary does not parse');
  const summary = await deps.backup.summary(parsed.query as SummaryQuery);
  const byState: Record<string, number> = {};
  const places = new Map<string, { account: string; region: string; failed: number; total: number }>();
  for (const row of summary.rows) {
    byState[row.state] = (byState[row.state] ?? 0) + row.count;
    const key = `${row.accountId}|${row.region}`;
    const place = places.get(key) ?? { account: row.accountId, region: row.region, failed: 0, total: 0 };
    place.total += row.count;
    if (FAILED.has(row.state)) place.failed += row.count;
    places.set(key, place);
  }
  const kept = await deps.coverage.status();
  const stale =
    kept.passAt === undefined
      ? undefined
      : (await deps.coverage.stale({ maxAgeMs: 26 * UNIT_MS.hour, copies: false, filters: {} })).entries
          .length;
  return {
    byState,
    byPlace: [...places.values()].sort((a, b) => b.failed - a.failed || b.total - a.total),
    stale,
    problems: summary.failedRegions.map((f) => `${f.region}: ${f.reason}`),
  };
}

/** Every rule with its status, where it is kept, and its firing incident. */
async function homeRules(deps: BotDeps): Promise<HomeRule[]> {
  const statuses: RuleStatus[] = deps.alerts ? await deps.alerts.listStatuses() : [];
  const entries = deps.rules?.current() ?? [];
  const keeping = keepingOf(entries);
  const store = createAlertStore(deps.redis, deps.config.redis.prefix);
  return Promise.all(
    statuses.map(async (status) => {
      const entry = entries.find((e) => e.rule.name === status.rule);
      const incident = (await store.read(status.rule)).doc.state.incident;
      return {
        status,
        keeping: keeping.get(status.rule) ?? { origin: 'file', paused: false, version: 0 },
        every: entry?.rule.every ?? 0,
        incidentId: incident?.id,
      };
    }),
  );
}

/** Builds and publishes one person's Home tab; a failure is logged, never shown to anyone else. */
export async function publishHome(deps: BotDeps, userId: string): Promise<void> {
  const log = deps.logger.child({ home: userId });
  try {
    const [rules, glance] = await Promise.all([
      homeRules(deps),
      glanceOf(deps).then(
        (g) => ({ g }),
        (err: unknown) => ({ err }),
      ),
    ]);
    const view = homeView({
      rules,
      ...('g' in glance
        ? { glance: glance.g }
        : { glanceProblem: 'AWS Backup did not answer: try again in a minute.' }),
      admin: ruleAdminRefusal(deps, userId) === null,
      at: deps.now().getTime(),
    });
    await deps.slack.views.publish({ user_id: userId, view });
  } catch (err) {
    log.warn({ err, code: slackErrorCode(err) }, 'Home tab not published');
  }
}

/** One round of refreshes: the Home of each person who looked lately, one after the other. */
export async function refreshHomes(deps: BotDeps): Promise<number> {
  const viewers = await homeViewers(deps.redis, deps.config.redis.prefix, deps.now().getTime());
  for (const userId of viewers) await publishHome(deps, userId);
  return viewers.length;
}
