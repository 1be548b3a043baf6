import { hash32, type Rng } from './prng.js';
import type { JobState } from './vocabulary.js';

/** How a finished job ended: state, MessageCategory and StatusMessage. */
export interface Outcome {
  state: JobState;
  category: string;
  message?: string;
}

/** What a status message may mention. */
export interface OutcomeContext {
  type: string;
  arn: string;
  name: string;
  account: string;
  region: string;
  role: string;
}

type Maker = (c: OutcomeContext) => Outcome;

const FAILURES: readonly Maker[] = [
  (c) => ({
    state: 'FAILED',
    category: 'AccessDenied',
    message: `Insufficient privileges to perform this action. ${c.role} is not authorized to perform the backup of ${c.arn}.`,
  }),
  (c) => ({
    state: 'FAILED',
    category: 'AccessDenied',
    message: `Access denied to the KMS key arn:aws:kms:${c.region}:${c.account}:key/${keyId(c)} that encrypts ${c.name}. Check that the key policy allows kms:CreateGrant for the backup role.`,
  }),
  (c) => ({
    state: 'FAILED',
    category: 'InvalidState',
    message: `The resource ${c.name} is in state 'modifying' and cannot be backed up right now.`,
  }),
  (c) => ({
    state: 'FAILED',
    category: 'ResourceNotFound',
    message: `The resource ${c.arn} was not found. It may have been deleted before the backup started.`,
  }),
  (c) => ({
    state: 'FAILED',
    category: 'InvalidParameters',
    message:
      c.type === 'EC2'
        ? 'Invalid value for BackupOptions: WindowsVSS is supported only on Windows instances.'
        : `Invalid parameters: the lifecycle of the recovery point for ${c.type} cannot move to cold storage.`,
  }),
  () => ({
    state: 'FAILED',
    category: 'Throttling',
    message: 'Rate exceeded while creating the snapshot. The job will run again in the next backup window.',
  }),
];

const WITH_ISSUES: Record<string, Maker> = {
  EC2: () => ({
    state: 'COMPLETED',
    category: 'InvalidState',
    message:
      'Windows VSS Backup attempt failed because either Instance or SSM Agent has invalid state or insufficient privileges. A non-VSS backup was taken instead.',
  }),
  S3: () => ({
    state: 'COMPLETED',
    category: 'UnsupportedOperation',
    message:
      'Some objects were not backed up because they are in the S3 Glacier Flexible Retrieval storage class.',
  }),
  EFS: () => ({
    state: 'COMPLETED',
    category: 'AccessDenied',
    message: 'Backup completed, but 12 files could not be read and were skipped.',
  }),
};

const GENERIC_ISSUE: Maker = (c) => ({
  state: 'COMPLETED',
  category: 'InvalidParameters',
  message: `The recovery point of ${c.name} was created, but cold storage is not supported for ${c.type}; the lifecycle was adjusted.`,
});

const EXPIRED: Maker = (c) => ({
  state: 'EXPIRED',
  category: 'InvalidState',
  message: `The backup job of ${c.name} did not start within its start window of 8 hours because another job on the same resource was still running.`,
});

const ABORTED: Maker = (c) => ({
  state: 'ABORTED',
  category: 'Aborted',
  message: `Backup job was stopped by arn:aws:sts::${c.account}:assumed-role/OpsAdmin/oncall.`,
});

export const SUCCESS: Outcome = { state: 'COMPLETED', category: 'SUCCESS' };

/**
 * Picks how a finished job ended. `flaky` resources fail far more often, so a few resources carry
 * most of the failures, as in real organisations.
 */
export function pickOutcome(rng: Rng, c: OutcomeContext, flaky: boolean): Outcome {
  const roll = rng.next();
  const failShare = flaky ? 0.3 : 0.012;
  if (roll < failShare) return rng.pick(FAILURES)(c);
  if (roll < failShare + 0.012) return EXPIRED(c);
  if (roll < failShare + 0.02) return ABORTED(c);
  if (roll < failShare + 0.07) return (WITH_ISSUES[c.type] ?? GENERIC_ISSUE)(c);
  return SUCCESS;
}

/** The default outcome of a state, for jobs added without a message. */
export function defaultOutcome(state: JobState, c: OutcomeContext): Outcome | undefined {
  if (state === 'COMPLETED') return SUCCESS;
  if (state === 'FAILED') return (FAILURES[0] as Maker)(c);
  if (state === 'EXPIRED') return EXPIRED(c);
  if (state === 'ABORTED' || state === 'ABORTING') return { ...ABORTED(c), state };
  if (state === 'PARTIAL')
    return { state, category: 'PartialSuccess', message: 'One or more child jobs failed.' };
  return undefined;
}

function keyId(c: OutcomeContext): string {
  const [a, b, d] = [hash32(c.arn), hash32(c.arn, 7), hash32(c.arn, 11)].map((h) =>
    h.toString(16).padStart(8, '0'),
  );
  return `${a}-${b?.slice(0, 4)}-4${b?.slice(5)}-a${d?.slice(0, 3)}-${d?.slice(3)}${a?.slice(0, 7)}`;
}
