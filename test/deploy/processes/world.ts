import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BackupEmulator,
  type BackupEmulatorOptions,
  startBackupEmulator,
} from '../../../src/emulator/aws/index.js';
import { type SlackStandIn, startSlackStandIn } from '../../../src/emulator/slack/index.js';
import { TEST_CREDENTIALS } from '../../helpers/aws.js';
import { REDIS_URL, testRedis } from '../../helpers/redis.js';

const SIGNING_SECRET = 'deploy-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-deploy-0000-bot-token';

/**
 * What the processes under test share, run inside the test process: the AWS Backup emulator, the
 * Slack stand-in, one Redis key prefix (deleted by `close()`) and a directory for the rules file.
 */
export interface World {
  aws: BackupEmulator;
  slack: SlackStandIn;
  prefix: string;
  /** The environment of a bot or worker pointed at this world, as a ConfigMap and Secret give it. */
  env: Record<string, string>;
  /** Writes the alert rules YAML and sets ALERT_RULES_FILE in `env`. */
  writeRules(yaml: string): Promise<string>;
  close(): Promise<void>;
}

export async function startWorld(aws: BackupEmulatorOptions = {}): Promise<World> {
  const emulator = await startBackupEmulator({
    regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    jobs: 1500,
    seed: 21,
    ...aws,
  });
  const slack = await startSlackStandIn({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
  const db = testRedis();
  const dir = await mkdtemp(join(tmpdir(), 'bj-deploy-'));
  const env: Record<string, string> = {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL,
    REDIS_PREFIX: db.prefix,
    AWS_REGIONS: emulator.regions.join(','),
    AWS_ENDPOINT_URL_BACKUP: emulator.url,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    DEFAULT_ACCOUNT_ID: '*',
  };
  return {
    aws: emulator,
    slack,
    prefix: db.prefix,
    env,
    async writeRules(yaml) {
      const path = join(dir, 'alert-rules.yaml');
      await writeFile(path, yaml);
      env.ALERT_RULES_FILE = path;
      return path;
    },
    async close() {
      await db.cleanup();
      await slack.close();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
