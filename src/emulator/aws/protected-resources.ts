import { AwsError, invalidValue } from './aws-error.js';
import type { AwsHandler, AwsRequest, EmulatorContext } from './context.js';
import { ACCOUNT_ID, param, parseLimit, parsePattern, VAULT_NAME } from './params.js';
import type { ProtectedResource } from './protected-index.js';
import { epochSeconds } from './wire.js';

/** A ProtectedResource as the List operations return it: no Region or account, times as epoch seconds. */
export function toWireResource(r: ProtectedResource): Record<string, unknown> {
  return {
    ResourceArn: r.ResourceArn,
    ResourceType: r.ResourceType,
    LastBackupTime: epochSeconds(r.LastBackupTime),
    ...(r.ResourceName ? { ResourceName: r.ResourceName } : {}),
    LastBackupVaultArn: r.LastBackupVaultArn,
    LastRecoveryPointArn: r.LastRecoveryPointArn,
  };
}

/** First position whose ResourceArn sorts after `arn`. */
function after(list: readonly ProtectedResource[], arn: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as ProtectedResource).ResourceArn <= arn) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A page of resources by ResourceArn: `maxResults` 1..1000 (default 1000) and a `nextToken` bound to
 * the operation, Region, caller and vault that made it, continuing after the last ARN it returned.
 */
function resourcePage(
  ctx: EmulatorContext,
  req: AwsRequest,
  scope: string,
  list: readonly ProtectedResource[],
): Record<string, unknown> {
  const limit = parseLimit('maxResults', param(req.query, 'maxResults'), 1, 1000, 1000);
  const token = param(req.query, 'nextToken');
  let start = 0;
  if (token !== undefined) {
    const key = ctx.tokens.read(scope, token);
    if (typeof key !== 'string')
      throw invalidValue('nextToken', token, 'the NextToken of the previous response');
    start = after(list, key);
  }
  const page = list.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < list.length && last !== undefined;
  return {
    Results: page.map(toWireResource),
    ...(more ? { NextToken: ctx.tokens.issue(scope, last.ResourceArn) } : {}),
  };
}

/** ListProtectedResources (`GET /resources`): the caller's own account in the signed Region. */
export const listProtectedResources: AwsHandler = (ctx, req) => {
  const account = req.caller.account;
  const scope = `ListProtectedResources|${req.region}|${account}`;
  return resourcePage(ctx, req, scope, ctx.protected.place(req.region, account));
};

/**
 * ListProtectedResourcesByBackupVault (`GET /backup-vaults/{name}/resources`): the resources whose
 * newest recovery point in that vault is listed with it. `backupVaultAccountId` names the vault's
 * owner, the caller's own account when left out; no vault here is shared, so another owner is refused.
 */
export const listProtectedResourcesByBackupVault: AwsHandler = (ctx, req) => {
  const name = parsePattern(
    'backupVaultName',
    req.vaultName ?? '',
    VAULT_NAME,
    '2 to 50 letters, digits, hyphens or underscores',
  );
  const raw = param(req.query, 'backupVaultAccountId');
  const owner =
    raw === undefined
      ? req.caller.account
      : parsePattern('backupVaultAccountId', raw, ACCOUNT_ID, 'a 12-digit account id');
  if (owner !== req.caller.account) {
    const vaultArn = `arn:aws:backup:${req.region}:${owner}:backup-vault:${name}`;
    throw new AwsError(
      'AccessDeniedException',
      403,
      `User: ${req.caller.arn} is not authorized to perform: backup:ListProtectedResourcesByBackupVault on resource: ${vaultArn} because no resource-based policy allows the backup:ListProtectedResourcesByBackupVault action`,
    );
  }
  if (!ctx.vaults.list(req.region, owner).some((v) => v.BackupVaultName === name)) {
    throw new AwsError(
      'ResourceNotFoundException',
      400,
      `Backup vault ${name} does not exist in account ${owner} in ${req.region}.`,
      'BackupVaultName',
    );
  }
  const scope = `ListProtectedResourcesByBackupVault|${req.region}|${req.caller.account}|${owner}|${name}`;
  return resourcePage(ctx, req, scope, ctx.protected.vault(req.region, owner, name));
};
