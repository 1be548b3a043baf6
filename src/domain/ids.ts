/**
 * The shapes of AWS and product names, one pattern each: Regions, account ids, job ids, vault
 * names, rule names. Pure and dependency-free.
 */

/** An AWS Region name: `eu-west-1`, `us-gov-west-1`, `ap-southeast-5`, `us-iso-east-1`. */
export const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

export function isRegionName(value: string): boolean {
  return REGION.test(value);
}

/** Regions offered as suggestions for a misspelt one (any Region-shaped name is accepted). */
export const KNOWN_REGIONS: readonly string[] = (
  'us-east-1 us-east-2 us-west-1 us-west-2 ca-central-1 ca-west-1 sa-east-1 mx-central-1 eu-west-1 eu-west-2 ' +
  'eu-west-3 eu-central-1 eu-central-2 eu-north-1 eu-south-1 eu-south-2 me-south-1 me-central-1 il-central-1 ' +
  'af-south-1 ap-east-1 ap-east-2 ap-south-1 ap-south-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ' +
  'ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 ap-southeast-7 ' +
  'us-gov-west-1 us-gov-east-1'
).split(' ');

/** A 12-digit AWS account id. */
export const ACCOUNT_ID = /^\d{12}$/;

/** `*`: every account of the organisation (from a management or delegated administrator account). */
export const EVERY_ACCOUNT = '*';

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value);
}

/** A 12-digit account id or `*`. */
export function isAccountScope(value: string): boolean {
  return value === EVERY_ACCOUNT || ACCOUNT_ID.test(value);
}

/** Job ids of every kind: AWS uses UUIDs (letters, digits and hyphens). */
export const JOB_ID = /^[A-Za-z0-9-]{1,256}$/;

export function isJobId(value: string): boolean {
  return JOB_ID.test(value);
}

/**
 * A whole UUID, in any case. AWS writes the UUIDs of job ids in upper case and matches ids exactly,
 * so a UUID typed in lower case is asked for as AWS writes it.
 */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The fewest characters of a job id that find it by its start (`job 4b7b3a0c`). */
export const MIN_JOB_ID_PREFIX = 8;

/**
 * Whether `typed` names the job `jobId`: the whole id or, from {@link MIN_JOB_ID_PREFIX} characters,
 * its start, in any case. People copy ids from consoles, e-mails and logs that change their case.
 */
export function jobIdMatches(jobId: string, typed: string): 'exact' | 'prefix' | null {
  const id = jobId.toUpperCase();
  const start = typed.toUpperCase();
  if (id === start) return 'exact';
  return start.length >= MIN_JOB_ID_PREFIX && id.startsWith(start) ? 'prefix' : null;
}

/** A UUID or its start of {@link MIN_JOB_ID_PREFIX} hex digits or more, dashes where a UUID has them. */
const UUID_START = /^[0-9a-f]{8}(?:-[0-9a-f]{1,4}){0,3}(?:-[0-9a-f]{1,12})?$/i;

/**
 * Whether a word typed alone reads as a job id (or the start of one): a UUID's shape, with a letter
 * or a dash, so that a date or an account id (digits only) never does.
 */
export function isUuidStart(value: string): boolean {
  return UUID_START.test(value) && /[a-f-]/i.test(value);
}

/** A backup vault name as AWS allows it: 2 to 50 letters, digits, hyphens and underscores. */
export const VAULT_NAME = /^[A-Za-z0-9_-]{2,50}$/;

export function isVaultName(value: string): boolean {
  return VAULT_NAME.test(value);
}

/** An alert rule's name: lower-case letters, digits and dashes, like `prod-failures`. */
export const RULE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** How rule names are written, for messages. */
export const RULE_NAME_RULE = 'lower-case letters, digits and dashes, like prod-failures';

/** The rule name a person typed (`Prod-Failures` is `prod-failures`), or null when it cannot be one. */
export function ruleNameOf(text: string): string | null {
  const name = text.trim().toLowerCase();
  return RULE_NAME.test(name) ? name : null;
}
