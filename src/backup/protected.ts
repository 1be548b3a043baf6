import { ListProtectedResourcesCommand } from '@aws-sdk/client-backup';
import { type CallRunner, callAws } from './call.js';
import { defined, iso, vaultArnParts } from './convert.js';

/** One resource AWS Backup has a recovery point of (ListProtectedResources), in the account read. */
export interface ProtectedResource {
  resourceArn: string;
  resourceType?: string;
  resourceName?: string;
  accountId: string;
  region: string;
  /** When its last recovery point was created: may be older than the 30 days jobs are kept. */
  lastBackupAt?: string;
  lastBackupVaultArn?: string;
  lastBackupVaultName?: string;
  lastRecoveryPointArn?: string;
}

/** The account in an ARN (`arn:aws:rds:eu-west-1:111122223333:db:orders`), when it names one. */
function arnAccount(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * Every protected resource of the account the client acts as, in one Region, every page. The
 * operation takes no filter, so this costs one call per 1,000 resources: passes read it seldom.
 */
export async function listProtectedResources(
  runner: CallRunner,
  region: string,
  account: { accountId: string; client?: CallRunner['clients'] | undefined },
): Promise<{ resources: ProtectedResource[]; calls: number }> {
  const scoped: CallRunner = account.client ? { ...runner, clients: account.client } : runner;
  const resources: ProtectedResource[] = [];
  let token: string | undefined;
  let calls = 0;
  do {
    const input = { MaxResults: 1000, ...(token ? { NextToken: token } : {}) };
    const page = await callAws(scoped, { operation: 'ListProtectedResources', region }, (client) =>
      client.send(new ListProtectedResourcesCommand(input)),
    );
    calls++;
    for (const r of page.Results ?? []) {
      if (!r.ResourceArn) continue;
      const vault = vaultArnParts(r.LastBackupVaultArn);
      resources.push(
        defined<ProtectedResource>({
          resourceArn: r.ResourceArn,
          resourceType: r.ResourceType,
          resourceName: r.ResourceName,
          accountId: vault.accountId ?? arnAccount(r.ResourceArn) ?? account.accountId,
          region,
          lastBackupAt: iso(r.LastBackupTime),
          lastBackupVaultArn: r.LastBackupVaultArn,
          lastBackupVaultName: vault.name,
          lastRecoveryPointArn: r.LastRecoveryPointArn,
        }),
      );
    }
    token = page.NextToken;
  } while (token);
  return { resources, calls };
}
