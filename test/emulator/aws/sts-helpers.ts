import { createHash, createHmac } from 'node:crypto';
import {
  BackupClient,
  type ListProtectedResourcesByBackupVaultCommandInput,
  type ProtectedResource,
  paginateListProtectedResources,
  paginateListProtectedResourcesByBackupVault,
} from '@aws-sdk/client-backup';
import type { BackupEmulator } from '../../../src/emulator/aws/index.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The base credentials of these tests: they act as the management account. */
export const BASE: Credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/** SigV4 headers for a form POST to `/` of `url`, as the STS clients sign it. */
function signedHeaders(
  url: string,
  body: string,
  creds: Credentials,
  region: string,
  service: string,
): Record<string, string> {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    host: new URL(url).host,
    'x-amz-date': amzDate,
    ...(creds.sessionToken ? { 'x-amz-security-token': creds.sessionToken } : {}),
  };
  const names = Object.keys(headers).sort();
  const canonical = [
    'POST',
    '/',
    '',
    names.map((n) => `${n}:${headers[n]}\n`).join(''),
    names.join(';'),
    sha256(body),
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${creds.secretAccessKey}`, day);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
  return headers;
}

export interface StsResponse {
  status: number;
  contentType: string | null;
  xml: string;
}

/** A signed STS query-protocol call (`Action=…&Version=2011-06-15`) to the emulator. */
export async function stsCall(
  emu: BackupEmulator,
  params: Record<string, string>,
  options: { creds?: Credentials; region?: string; service?: string } = {},
): Promise<StsResponse> {
  const body = new URLSearchParams({ Version: '2011-06-15', ...params }).toString();
  const headers = signedHeaders(
    `${emu.url}/`,
    body,
    options.creds ?? BASE,
    options.region ?? 'us-east-1',
    options.service ?? 'sts',
  );
  const res = await fetch(`${emu.url}/`, { method: 'POST', headers, body });
  return { status: res.status, contentType: res.headers.get('content-type'), xml: await res.text() };
}

/** The text of the first `<tag>` of an XML document; undefined when there is none. */
export function xmlText(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

/** Credentials of the member role of `account`, through AssumeRole; throws with the XML otherwise. */
export async function assume(
  emu: BackupEmulator,
  account: string,
  extra: Record<string, string> = {},
): Promise<Credentials & { expiration: string; arn: string }> {
  const res = await stsCall(emu, {
    Action: 'AssumeRole',
    RoleArn: `arn:aws:iam::${account}:role/${emu.memberRoleName}`,
    RoleSessionName: 'emulator-test',
    ...extra,
  });
  const [accessKeyId, secretAccessKey, sessionToken, expiration, arn] = [
    'AccessKeyId',
    'SecretAccessKey',
    'SessionToken',
    'Expiration',
    'Arn',
  ].map((tag) => xmlText(res.xml, tag));
  if (res.status !== 200 || !accessKeyId || !secretAccessKey || !sessionToken || !expiration || !arn) {
    throw new Error(`AssumeRole failed with ${res.status}: ${res.xml}`);
  }
  return { accessKeyId, secretAccessKey, sessionToken, expiration, arn };
}

/**
 * A real SDK client for the emulator signing with `creds` (their expiry left to the emulator, whose
 * clock may be pinned); one attempt, so errors surface at once.
 */
export function clientWith(emu: BackupEmulator, creds: Credentials, region = 'us-east-1'): BackupClient {
  const { accessKeyId, secretAccessKey, sessionToken } = creds;
  const credentials = { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  return new BackupClient({ endpoint: emu.url, region, maxAttempts: 1, credentials });
}

/** Every protected resource through the SDK's paginator, and the tokens it was given. */
export async function listResources(
  client: BackupClient,
  pageSize = 1000,
): Promise<{ resources: ProtectedResource[]; tokens: string[] }> {
  const out = { resources: [] as ProtectedResource[], tokens: [] as string[] };
  for await (const page of paginateListProtectedResources({ client, pageSize }, {})) {
    out.resources.push(...(page.Results ?? []));
    if (page.NextToken) out.tokens.push(page.NextToken);
  }
  return out;
}

/** Every protected resource of one vault through the SDK's paginator. */
export async function listVaultResources(
  client: BackupClient,
  input: Omit<ListProtectedResourcesByBackupVaultCommandInput, 'NextToken'>,
  pageSize = 1000,
): Promise<ProtectedResource[]> {
  const out: ProtectedResource[] = [];
  for await (const page of paginateListProtectedResourcesByBackupVault({ client, pageSize }, { ...input })) {
    out.push(...(page.Results ?? []));
  }
  return out;
}
