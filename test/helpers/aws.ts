import { BackupClient, paginateListBackupJobs } from '@aws-sdk/client-backup';
import { type BackupGateway, createBackupClients, createBackupGateway } from '../../src/backup/index.js';
import {
  type BackupEmulator,
  type BackupEmulatorOptions,
  startBackupEmulator,
} from '../../src/emulator/aws/index.js';
import type { ListQuery } from '../../src/query/types.js';

export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'test-secret-key-for-the-emulator',
};

export interface AwsFixture {
  emulator: BackupEmulator;
  gateway: BackupGateway;
  close(): Promise<void>;
}

/** An AWS Backup emulator and the real access layer (real SDK) pointed at it. */
export async function startAwsFixture(
  options: BackupEmulatorOptions & { defaultAccountId?: string; maxAttempts?: number } = {},
): Promise<AwsFixture> {
  const emulator = await startBackupEmulator(options);
  const clients = createBackupClients({
    regions: emulator.regions,
    endpoint: emulator.url,
    credentials: TEST_CREDENTIALS,
    maxAttempts: options.maxAttempts ?? 4,
  });
  const gateway = createBackupGateway({ clients, defaultAccountId: options.defaultAccountId });
  return {
    emulator,
    gateway,
    async close() {
      clients.destroy();
      await emulator.close();
    },
  };
}

/** Every job id ListBackupJobs returns for the input in a region, through the SDK's own paginator. */
export async function allJobIds(
  emulator: BackupEmulator,
  region: string,
  input: Record<string, unknown>,
): Promise<{ id: string; state: string; category: string | undefined }[]> {
  const client = new BackupClient({ region, endpoint: emulator.url, credentials: TEST_CREDENTIALS });
  const out: { id: string; state: string; category: string | undefined }[] = [];
  for await (const page of paginateListBackupJobs({ client, pageSize: 1000 }, { ...input })) {
    for (const job of page.BackupJobs ?? []) {
      out.push({ id: `${region}/${job.BackupJobId}`, state: job.State ?? '', category: job.MessageCategory });
    }
  }
  client.destroy();
  return out;
}

export function listQuery(overrides: Partial<ListQuery> = {}): ListQuery {
  return {
    kind: 'list',
    jobKind: 'backup',
    validation: [],
    testsOnly: false,
    text: 'test',
    notes: [],
    visibility: 'ephemeral',
    states: [],
    withIssues: false,
    filters: {},
    regions: [],
    pageSize: 10,
    ...overrides,
  };
}
