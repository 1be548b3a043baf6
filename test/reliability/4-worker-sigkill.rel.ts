import { afterAll, describe, expect, it } from 'vitest';
import { REDIS_URL, testRedis } from '../helpers/redis.js';
import { fireUpdateResolve, transitionsOnce, watchChannel, writeRules } from './support/alert-flow.js';
import { awsGates } from './support/aws-gate.js';
import { type ProductChild, startProduct } from './support/children.js';
import { productEnv, suite } from './support/suite.js';
import { closers, REGIONS, scratchDir, startAws, startSlack } from './support/world.js';

const RULE = 'rel-sigkill';
const CHANNEL = 'C0ALERT5';

describe('alert workers killed with SIGKILL mid-tick', () => {
  const close = closers();
  afterAll(() => close.run());

  it('worker-sigkill: with three workers and one killed mid-tick at two steps, each transition is posted once', async ({
    task,
  }) => {
    const { logDir, secrets } = suite();
    const db = close.add(testRedis(), (d) => d.cleanup());
    const aws = close.add(await startAws({ jobs: 0 }), (a) => a.close());
    const slack = close.add(await startSlack(secrets), (s) => s.close());
    const scratch = close.add(await scratchDir(), (s) => s.remove());
    const gates = close.add(awsGates(aws.url), (g) => g.close());
    const base = {
      ...productEnv(secrets, { slackApi: slack.apiUrl, aws: aws.url, redis: REDIS_URL }, REGIONS, db.prefix),
      ALERT_RULES_FILE: await writeRules(scratch.dir, [{ name: RULE, channel: CHANNEL }]),
    };
    const workers: ProductChild[] = [];
    // Worker n reaches AWS through gate n only.
    async function startWorker() {
      const env = { ...base, AWS_ENDPOINT_URL_BACKUP: await gates.open() };
      const worker = await startProduct('worker', env, logDir, `worker-sigkill-${workers.length + 1}`);
      workers.push(close.add(worker, (c) => c.stop()));
    }
    for (let i = 0; i < 3; i++) await startWorker();
    const ledger = close.add(watchChannel(slack, CHANNEL), async (l) => l.stop());

    // At the update and the resolve: the next worker to count is killed while its AWS call is open,
    // and a replacement starts, as an orchestrator would do.
    const kills: string[] = [];
    const [main] = await fireUpdateResolve(aws, [{ rule: RULE, ledger }], async (step) => {
      if (step === 'fire') return;
      const caught = await gates.armOnce();
      const victim = workers[caught.gate]!;
      await victim.kill('SIGKILL');
      kills.push(`${victim.name} at the ${step} (${caught.what.split('?')[0]})`);
      await startWorker();
    });
    const calls = slack.calls();
    task.meta.reliability = `killed ${kills.join(', ')}; AWS calls per worker ${gates.forwarded().join('/')}; Slack: ${calls['chat.postMessage'] ?? 0} posts, ${calls['chat.update'] ?? 0} updates`;

    expect(kills).toHaveLength(2);
    expect(transitionsOnce(ledger, main!)).toEqual([]);
    // No call beyond the delivered ones: nothing was attempted twice.
    expect(calls['chat.postMessage']).toBe(2);
    expect(calls['chat.update']).toBe(2);
    const killed = workers.filter((w) => w.child.signalCode === 'SIGKILL');
    expect(killed).toHaveLength(2);
    expect(workers.filter((w) => w.alive())).toHaveLength(3);
  });
});
