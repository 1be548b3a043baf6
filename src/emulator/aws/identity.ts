import { randomBytes } from 'node:crypto';

/** Who signed a call: the management account's own credentials, or a session AssumeRole issued. */
export interface Caller {
  account: string;
  /** The principal, as GetCallerIdentity names it and AccessDenied messages quote it. */
  arn: string;
  /** Only the organisation's management account sees other accounts' jobs (`accountId=*`). */
  management: boolean;
  /** Set when the caller signed with credentials AssumeRole issued. */
  session?: Session;
}

/** Temporary credentials AssumeRole issued, and the role session they act as. */
export interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  account: string;
  roleArn: string;
  roleName: string;
  sessionName: string;
  /** `AROA…:sessionName`, as AssumedRoleUser.AssumedRoleId. */
  assumedRoleId: string;
  /** Epoch milliseconds on the emulator clock. */
  expires: number;
}

/** The SigV4 credential scope of a call: `Credential=AKID/20261123/eu-west-1/backup/aws4_request`. */
export interface SignedScope {
  accessKeyId: string;
  region: string;
  service: string;
}

const SCOPE = /Credential=([^/\s,]+)\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

/** The scope of an `Authorization` header; undefined when there is none. */
export function scopeOf(authorization: string | undefined): SignedScope | undefined {
  const m = SCOPE.exec(authorization ?? '');
  if (!m) return undefined;
  return { accessKeyId: m[1] as string, region: m[2] as string, service: m[3] as string };
}

/** Why a call's temporary credentials are refused. */
export type CredentialProblem = 'expired' | 'invalid';

const KEY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function keyId(prefix: string, length: number): string {
  const bytes = randomBytes(length);
  return prefix + [...bytes].map((b) => KEY_CHARS[b % KEY_CHARS.length]).join('');
}

/** The sessions AssumeRole issued, by access key id. */
export class SessionStore {
  readonly #byKey = new Map<string, Session>();
  /** One role id per role, as IAM keeps one per role. */
  readonly #roleIds = new Map<string, string>();

  issue(
    fields: Omit<Session, 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'assumedRoleId'>,
  ): Session {
    let roleId = this.#roleIds.get(fields.roleArn);
    if (!roleId) {
      roleId = keyId('AROA', 17);
      this.#roleIds.set(fields.roleArn, roleId);
    }
    const session: Session = {
      ...fields,
      accessKeyId: keyId('ASIA', 16),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(240).toString('base64')}`,
      assumedRoleId: `${roleId}:${fields.sessionName}`,
    };
    this.#byKey.set(session.accessKeyId, session);
    return session;
  }

  /**
   * The session a call signed with `accessKeyId` acts as; undefined for any other key (the base
   * credentials). A session's key with a missing or different token, or after it expired, is refused.
   */
  check(
    accessKeyId: string,
    token: string | undefined,
    now: number,
  ): Session | CredentialProblem | undefined {
    const session = this.#byKey.get(accessKeyId);
    if (!session) return undefined;
    if (token !== session.sessionToken) return 'invalid';
    return now >= session.expires ? 'expired' : session;
  }
}

/** The principal of the base credentials: the management account's role the product runs as. */
export function managementCaller(accounts: readonly string[]): Caller {
  const account = accounts[0] ?? '000000000000';
  return { account, arn: `arn:aws:sts::${account}:assumed-role/BackupJobsBot/session`, management: true };
}

/** The principal of a session: `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`. */
export function sessionCaller(session: Session, accounts: readonly string[]): Caller {
  return {
    account: session.account,
    arn: `arn:aws:sts::${session.account}:assumed-role/${session.roleName}/${session.sessionName}`,
    management: session.account === accounts[0],
    session,
  };
}

/** Who signed a call with `accessKeyId` (and `token`, for temporary credentials), or why it is refused. */
export function callerFor(
  sessions: SessionStore,
  accounts: readonly string[],
  accessKeyId: string,
  token: string | undefined,
  now: number,
): Caller | CredentialProblem {
  const found = sessions.check(accessKeyId, token, now);
  if (found === undefined) return managementCaller(accounts);
  return typeof found === 'string' ? found : sessionCaller(found, accounts);
}
