import { BackupClient } from '@aws-sdk/client-backup';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CodedError } from '../errors.js';

/** How the access layer reaches AWS Backup. */
export interface BackupClientSettings {
  regions: readonly string[];
  /** Endpoint override (the SDK also reads AWS_ENDPOINT_URL_BACKUP on its own). */
  endpoint?: string | undefined;
  /** Static credentials or a provider of them; default: the SDK's default credential chain. */
  credentials?: Credentials | (() => Promise<Credentials>);
  /**
   * Attempts per call, counting the first; the SDK backs off between them on throttling and 5xx.
   * @defaultValue 4
   */
  maxAttempts?: number;
  /** @defaultValue 10000 */
  requestTimeoutMs?: number;
  /**
   * AWS_MEMBER_ROLE_NAME: the role the bot assumes in member accounts to read what only an account
   * itself can list (protected resources). Absent: member accounts are known from job history only.
   */
  memberRoleName?: string | undefined;
  /** STS endpoint override (the SDK also reads AWS_ENDPOINT_URL_STS); default: the Backup endpoint's. */
  stsEndpoint?: string | undefined;
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date };

export interface BackupClients {
  regions: readonly string[];
  /** The region's client, created on first use. */
  get(region: string): BackupClient;
  /** Null when credentials resolve (for /readyz), else why not; makes no AWS call. */
  credentialsProblem(): Promise<string | null>;
  /** The member role, when one is configured. */
  memberRoleName?: string | undefined;
  /** Clients acting as a member account through its member role (throws when none is configured). */
  member(accountId: string): BackupClients;
  destroy(): void;
}

/** Credentials are renewed this long before they expire. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * Credentials of a member account's role, from STS AssumeRole, kept until shortly before they
 * expire. A role that cannot be assumed is a CodedError that names the role and what to do.
 */
function assumedRole(sts: STSClient, roleArn: string): () => Promise<Credentials> {
  let current: Credentials | undefined;
  return async () => {
    if (current?.expiration && current.expiration.getTime() - Date.now() > RENEW_BEFORE_MS) return current;
    try {
      const out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: 'backup-jobs-bot',
          DurationSeconds: 3600,
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('STS returned no credentials');
      current = {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
        ...(c.Expiration ? { expiration: c.Expiration } : {}),
      };
      return current;
    } catch (err) {
      if (err instanceof CodedError) throw err;
      throw new CodedError('AWS_ACCESS_DENIED', `The bot could not assume ${roleArn}.`, {
        remedy:
          "Create the role in that account with the IAM policy and a trust policy for the bot's role (see manifests/README.md), or unset AWS_MEMBER_ROLE_NAME.",
        cause: err,
      });
    }
  };
}

export function createBackupClients(settings: BackupClientSettings): BackupClients {
  const clients = new Map<string, BackupClient>();
  const members = new Map<string, BackupClients>();
  let sts: STSClient | undefined;
  return {
    regions: settings.regions,
    memberRoleName: settings.memberRoleName,
    member(accountId) {
      const role = settings.memberRoleName;
      if (role === undefined) throw new RangeError('no member role is configured');
      let scoped = members.get(accountId);
      if (!scoped) {
        const stsEndpoint = settings.stsEndpoint ?? settings.endpoint;
        sts ??= new STSClient({
          region: settings.regions[0] ?? 'us-east-1',
          ...(stsEndpoint ? { endpoint: stsEndpoint } : {}),
          ...(settings.credentials ? { credentials: settings.credentials } : {}),
          maxAttempts: settings.maxAttempts ?? 4,
        });
        const roleArn = `arn:aws:iam::${accountId}:role/${role}`;
        const { memberRoleName: _role, ...rest } = settings;
        scoped = createBackupClients({ ...rest, credentials: assumedRole(sts, roleArn) });
        members.set(accountId, scoped);
      }
      return scoped;
    },
    get(region) {
      let client = clients.get(region);
      if (!client) {
        client = new BackupClient({
          region,
          ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
          ...(settings.credentials ? { credentials: settings.credentials } : {}),
          maxAttempts: settings.maxAttempts ?? 4,
          retryMode: 'standard',
          requestHandler: { connectionTimeout: 3000, requestTimeout: settings.requestTimeoutMs ?? 10_000 },
        });
        clients.set(region, client);
      }
      return client;
    },
    async credentialsProblem() {
      const region = settings.regions[0];
      if (!region) return 'no AWS region is configured';
      try {
        await this.get(region).config.credentials();
        return null;
      } catch (err) {
        return `AWS credentials do not resolve: ${(err as Error).message}`;
      }
    },
    destroy() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
      for (const scoped of members.values()) scoped.destroy();
      members.clear();
      sts?.destroy();
    },
  };
}
