import { BackupClient } from '@aws-sdk/client-backup';

/** How the access layer reaches AWS Backup. */
export interface BackupClientSettings {
  regions: readonly string[];
  /** Endpoint override (the SDK also reads AWS_ENDPOINT_URL_BACKUP on its own). */
  endpoint?: string | undefined;
  /** Static credentials; default: the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /**
   * Attempts per call, counting the first; the SDK backs off between them on throttling and 5xx.
   * @defaultValue 4
   */
  maxAttempts?: number;
  /** @defaultValue 10000 */
  requestTimeoutMs?: number;
}

export interface BackupClients {
  regions: readonly string[];
  /** The region's client, created on first use. */
  get(region: string): BackupClient;
  /** Null when credentials resolve (for /readyz), else why not; makes no AWS call. */
  credentialsProblem(): Promise<string | null>;
  destroy(): void;
}

export function createBackupClients(settings: BackupClientSettings): BackupClients {
  const clients = new Map<string, BackupClient>();
  return {
    regions: settings.regions,
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
    },
  };
}
