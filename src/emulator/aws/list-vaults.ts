import { invalidValue } from './aws-error.js';
import type { AwsHandler } from './context.js';
import { param, parseChoice, parseLimit } from './params.js';
import { RESOURCE_TYPES, VAULT_TYPES } from './vocabulary.js';
import { toWireVault } from './wire.js';

/**
 * ListBackupVaults: the caller's vaults in the signed region, by name, with the number of recovery
 * points the jobs left in each. No vault here is shared from another account.
 */
export const listBackupVaults: AwsHandler = (ctx, req) => {
  const q = req.query;
  const typeRaw = param(q, 'vaultType');
  const type = typeRaw === undefined ? undefined : parseChoice('vaultType', typeRaw, VAULT_TYPES);
  const shared = param(q, 'shared');
  if (shared !== undefined && shared !== 'true' && shared !== 'false') {
    throw invalidValue('shared', shared, 'true or false');
  }
  const limit = parseLimit('maxResults', param(q, 'maxResults'), 1, 1000, 1000);
  const caller = req.caller.account;
  const scope = `ListBackupVaults|${req.region}|${caller}|${type ?? ''}|${shared ?? ''}`;
  const token = param(q, 'nextToken');
  const after = token === undefined ? '' : String(ctx.tokens.read(scope, token));
  const vaults = ctx.vaults
    .list(req.region, caller)
    .filter((v) => (type === undefined || v.VaultType === type) && shared !== 'true')
    .filter((v) => v.BackupVaultName > after);
  const page = vaults.slice(0, limit);
  const last = page[page.length - 1];
  return {
    BackupVaultList: page.map((v) => {
      const points = ctx.store
        .list(`v|${req.region}|${v.BackupVaultName}`)
        .filter((s) => s.job.AccountId === caller && s.job.RecoveryPointArn !== undefined).length;
      return toWireVault(v, points);
    }),
    ...(vaults.length > limit && last ? { NextToken: ctx.tokens.issue(scope, last.BackupVaultName) } : {}),
  };
};

/** GetSupportedResourceTypes: the 17 types AWS Backup protects. */
export const getSupportedResourceTypes: AwsHandler = () => ({ ResourceTypes: [...RESOURCE_TYPES] });
