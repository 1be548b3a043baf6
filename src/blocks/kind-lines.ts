/** The parts of a list line that only some kinds of job have. */

import type { ListedJob } from '../backup/types.js';
import { VALIDATION_STATES, type ValidationState } from '../domain/index.js';
import { formatDuration, UNIT_MS } from '../time/duration.js';
import { displayState, isValidationOutcome } from './states.js';
import { code, joinParts, mrkdwnText } from './text.js';

const VALIDATION_WORDS: Readonly<Record<ValidationState, string>> = {
  VALIDATING: 'validating',
  SUCCESSFUL: 'validation passed',
  FAILED: 'validation failed',
  TIMED_OUT: 'validation timed out',
};

/** `validation failed`, `validating`; a status AWS added since is shown by its name. */
export function validationWords(status: string): string {
  if ((VALIDATION_STATES as readonly string[]).includes(status))
    return VALIDATION_WORDS[status as ValidationState];
  return `validation ${mrkdwnText(status.toLowerCase().replace(/_/g, ' '), 40)}`;
}

/**
 * Where the recovery point is: its vault for backups and restores (`vault` and the name); for a copy
 * the two vaults, with the destination's Region and account when they are not the source's:
 * `prod-vault → dr-vault (us-west-2, 222233334444)`, names in code spans.
 */
export function placeText(job: ListedJob, vaultMax: number): string | undefined {
  if (job.kind !== 'copy') return job.vaultName ? `vault ${code(job.vaultName, vaultMax)}` : undefined;
  if (!job.sourceVaultName && !job.destinationVaultName) return undefined;
  const away = joinParts(
    [
      job.destinationRegion !== undefined && job.destinationRegion !== job.region
        ? mrkdwnText(job.destinationRegion, 30)
        : undefined,
      job.destinationAccountId !== undefined && job.destinationAccountId !== job.accountId
        ? mrkdwnText(job.destinationAccountId, 30)
        : undefined,
    ],
    ', ',
  );
  const route = `${code(job.sourceVaultName ?? '', vaultMax)} → ${code(job.destinationVaultName ?? '', vaultMax)}`;
  return away ? `${route} (${away})` : route;
}

/** The backup job whose recovery point a copy copies: `from backup job` and its id. */
export function originText(job: ListedJob, idMax: number): string | undefined {
  return job.kind === 'copy' && job.backupJobId
    ? `from backup job ${code(job.backupJobId, idMax)}`
    : undefined;
}

/**
 * A restore test's marker and how its validation went. `stateShown` says the line already shows the
 * job's state by name, so a validation outcome shown as the state is not said twice.
 */
export function testParts(job: ListedJob, stateShown: boolean): string[] {
  if (job.kind !== 'restore') return [];
  const parts = job.testingPlanArn ? ['restore test'] : [];
  const said = stateShown && isValidationOutcome(displayState(job));
  if (job.validationStatus && !said) parts.push(validationWords(job.validationStatus));
  return parts;
}

/** How long AWS expected a restore to take: `(expected 30m)`. */
export function expectedText(job: ListedJob): string | undefined {
  if (job.kind !== 'restore' || job.expectedMinutes === undefined) return undefined;
  return `(expected ${formatDuration(job.expectedMinutes * UNIT_MS.minute)})`;
}

/** The message that says what went wrong: a failed validation's own, else the job's status message. */
export function problemMessage(job: ListedJob): string | undefined {
  if (job.kind === 'restore' && isValidationOutcome(displayState(job)))
    return job.validationMessage ?? job.statusMessage;
  return job.statusMessage;
}
