import type { Caller, SessionStore } from './identity.js';
import { leaves, StsError, stsTime } from './sts-xml.js';
import { STS_OPERATIONS, type StsOperation } from './types.js';

/** What STS reads: the organisation, its member role, the sessions it issues and the clock. */
export interface StsDeps {
  accounts: readonly string[];
  memberRoleName: string;
  sessions: SessionStore;
  now(): number;
  /** Whether an injected fault denies AssumeRole into `account`. */
  deniesAssumeRole(account: string): boolean;
}

const VERSION = '2011-06-15';
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(.+)$/;
/** A role's default MaxSessionDuration, and the cap of a chained role session. */
const MAX_SESSION_SECONDS = 3600;

/** The Action of a query-protocol request; InvalidAction for one STS does not serve here. */
export function stsAction(params: URLSearchParams): StsOperation {
  const action = params.get('Action');
  const version = params.get('Version');
  if (action === null) throw new StsError('MissingAction', 400, 'Missing Action');
  const known = (STS_OPERATIONS as readonly string[]).includes(action);
  if (!known || (version !== null && version !== VERSION)) {
    throw new StsError(
      'InvalidAction',
      400,
      `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`,
    );
  }
  return action as StsOperation;
}

function validation(message: string): StsError {
  return new StsError('ValidationError', 400, message);
}

function required(params: URLSearchParams, name: string, member: string): string {
  const value = params.get(name);
  if (value === null) {
    throw validation(
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

function durationOf(raw: string | null): number {
  if (raw === null) return MAX_SESSION_SECONDS;
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < 900 || n > 43_200) {
    throw validation(
      `1 validation error detected: Value '${raw}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
    );
  }
  if (n > MAX_SESSION_SECONDS) {
    throw validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  return n;
}

/**
 * AssumeRole: the management account's principal may assume the member role in every member account
 * of the organisation (the trust that AWS Organizations sets up); any other account, role name or
 * principal, or an account a fault names, is AccessDenied.
 */
export function assumeRole(deps: StsDeps, caller: Caller, params: URLSearchParams): string {
  const roleArn = required(params, 'RoleArn', 'roleArn');
  const sessionName = required(params, 'RoleSessionName', 'roleSessionName');
  if (!SESSION_NAME.test(sessionName)) {
    throw validation(
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64`,
    );
  }
  const duration = durationOf(params.get('DurationSeconds'));
  const m = roleArn.length >= 20 && roleArn.length <= 2048 ? ROLE_ARN.exec(roleArn) : null;
  if (!m) throw validation(`${roleArn} is invalid: give a role ARN like arn:aws:iam::123456789012:role/Name`);
  const [, account = '', roleName = ''] = m;
  const member = deps.accounts.includes(account) && account !== deps.accounts[0];
  const trusted = caller.management && caller.session === undefined;
  if (!member || roleName !== deps.memberRoleName || !trusted || deps.deniesAssumeRole(account)) {
    throw new StsError(
      'AccessDenied',
      403,
      `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  }
  const session = deps.sessions.issue({
    account,
    roleArn,
    roleName,
    sessionName,
    expires: deps.now() + duration * 1000,
  });
  const user = leaves({
    AssumedRoleId: session.assumedRoleId,
    Arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
  });
  const credentials = leaves({
    AccessKeyId: session.accessKeyId,
    SecretAccessKey: session.secretAccessKey,
    SessionToken: session.sessionToken,
    Expiration: stsTime(session.expires),
  });
  return `<Credentials>${credentials}</Credentials><AssumedRoleUser>${user}</AssumedRoleUser>`;
}

/** GetCallerIdentity: the account and principal the call's credentials act as. */
export function getCallerIdentity(caller: Caller): string {
  const userId = caller.session?.assumedRoleId ?? 'AROAEMULATORBASEROLE0:session';
  return leaves({ UserId: userId, Account: caller.account, Arn: caller.arn });
}
