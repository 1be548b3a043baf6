import type { Rng } from './prng.js';
import type { CopyJobState } from './vocabulary.js';

/** How a finished copy ended; `fast` failures are refused before any byte moves. */
export interface CopyOutcome {
  state: CopyJobState;
  category: string;
  message?: string;
  fast: boolean;
}

/** What a copy's status message may mention. */
export interface CopyContext {
  type: string;
  account: string;
  destAccount: string;
  destRegion: string;
  destVaultArn: string;
  destKeyArn: string | undefined;
  sourceKeyArn: string | undefined;
  sourceRecoveryPointArn: string;
  /** The copy's retention in days, and the minimum the destination's vault lock demands. */
  retentionDays: number | undefined;
  minRetentionDays: number | undefined;
  /** Cross-account copying was switched off in Organizations when the copy ran. */
  crossAccountOff: boolean;
  management: string;
}

type Maker = (c: CopyContext) => CopyOutcome;

const KMS_POLICY: Maker = (c) => ({
  state: 'FAILED',
  category: 'AccessDenied',
  fast: false,
  message: `Copy job failed. The destination account ${c.destAccount} cannot use the KMS key ${c.sourceKeyArn ?? 'of the source backup vault'} that encrypts the source recovery point: the key policy does not allow kms:DescribeKey, kms:Decrypt and kms:CreateGrant for arn:aws:iam::${c.destAccount}:root.`,
});

const VAULT_POLICY: Maker = (c) => ({
  state: 'FAILED',
  category: 'AccessDenied',
  fast: true,
  message: `Access denied to the destination backup vault ${c.destVaultArn}: its access policy does not allow backup:CopyIntoBackupVault for account ${c.account}.`,
});

const VAULT_LOCK: Maker = (c) => ({
  state: 'FAILED',
  category: 'InvalidParameters',
  fast: true,
  message: `Copy job failed. The copy's retention of ${c.retentionDays ?? 0} days is shorter than the minimum retention period of ${c.minRetentionDays ?? 0} days set by the vault lock on ${c.destVaultArn}.`,
});

const CROSS_ACCOUNT_OFF: Maker = (c) => ({
  state: 'FAILED',
  category: 'InvalidState',
  fast: true,
  message: `Copy job failed because cross-account backup is not enabled in AWS Organizations. Turn it on in the management account ${c.management} (AWS Backup > Settings > Cross-account backup).`,
});

const COPY_LIMIT: Maker = (c) => ({
  state: 'FAILED',
  category: 'Throttling',
  fast: false,
  message: `Copy job failed. The limit of concurrent snapshot copies into ${c.destRegion} was exceeded for account ${c.account}.`,
});

const DEST_KEY_DISABLED: Maker = (c) => ({
  state: 'FAILED',
  category: 'InvalidState',
  fast: true,
  message: `Copy job failed because the KMS key ${c.destKeyArn ?? 'of the destination vault'} of the destination backup vault ${c.destVaultArn} is disabled.`,
});

export const COPY_SUCCESS: CopyOutcome = { state: 'COMPLETED', category: 'SUCCESS', fast: false };

/**
 * How a scheduled copy ended. A lock the copy's retention breaks, or cross-account copying switched
 * off, fails every copy it touches; key and vault policies fail now and then.
 */
export function pickCopyOutcome(rng: Rng, c: CopyContext): CopyOutcome {
  const crossAccount = c.destAccount !== c.account;
  const locked = c.minRetentionDays !== undefined && (c.retentionDays ?? 0) < c.minRetentionDays;
  if (locked) return VAULT_LOCK(c);
  if (crossAccount && c.crossAccountOff) return CROSS_ACCOUNT_OFF(c);
  const roll = rng.next();
  if (crossAccount && roll < 0.02) return KMS_POLICY(c);
  if (crossAccount && roll < 0.03) return VAULT_POLICY(c);
  if (!crossAccount && roll < 0.012) {
    return c.type === 'EBS' || c.type === 'EC2' ? COPY_LIMIT(c) : DEST_KEY_DISABLED(c);
  }
  return COPY_SUCCESS;
}

/** The outcome of a copy added in a state without a message. */
export function defaultCopyOutcome(state: CopyJobState, c: CopyContext): CopyOutcome | undefined {
  if (state === 'COMPLETED') return COPY_SUCCESS;
  if (state === 'FAILED') return c.destAccount === c.account ? DEST_KEY_DISABLED(c) : KMS_POLICY(c);
  if (state === 'PARTIAL') {
    return {
      state,
      category: 'PartialSuccess',
      fast: false,
      message: 'One or more child copy jobs failed.',
    };
  }
  return undefined;
}
