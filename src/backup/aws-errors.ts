import { CodedError } from '../errors.js';

/** The AWS Backup operations this product calls; the IAM policy grants exactly these. */
export type BackupOperation =
  | 'ListBackupJobs'
  | 'ListBackupJobSummaries'
  | 'DescribeBackupJob'
  | 'ListCopyJobs'
  | 'ListCopyJobSummaries'
  | 'DescribeCopyJob'
  | 'ListRestoreJobs'
  | 'ListRestoreJobSummaries'
  | 'DescribeRestoreJob'
  | 'ListProtectedResources';

export interface AwsCallContext {
  operation: BackupOperation;
  region: string;
}

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const CREDENTIAL_ERRORS = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'InvalidClientTokenId',
  'CredentialsProviderError',
]);

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

/**
 * Turns whatever the SDK threw into a CodedError that says, in one sentence, that AWS (not this
 * app) failed and what to do. The original error stays attached as `cause` for the logs.
 */
export function classifyAwsError(err: unknown, ctx: AwsCallContext): CodedError {
  if (err instanceof CodedError) return err;
  const e = (err ?? {}) as SdkErrorShape;
  const name = e.name ?? '';
  const code = e.code ?? '';
  const where = `in ${ctx.region}`;
  const action = `backup:${ctx.operation}`;
  if (
    name === 'AccessDeniedException' ||
    name === 'AccessDenied' ||
    (e.$metadata?.httpStatusCode === 403 && !CREDENTIAL_ERRORS.has(name))
  ) {
    return new CodedError('AWS_ACCESS_DENIED', `AWS denied ${ctx.operation} ${where}.`, {
      remedy: `Grant the bot's IAM role the ${action} action (see manifests/iam-policy.json).`,
      cause: err,
    });
  }
  if (
    name === 'ThrottlingException' ||
    name === 'TooManyRequestsException' ||
    name === 'ThrottledException'
  ) {
    return new CodedError('AWS_THROTTLED', `AWS Backup is throttling requests ${where}.`, {
      remedy: 'Wait a few seconds and try again, or narrow the query with a shorter window or fewer regions.',
      cause: err,
    });
  }
  if (CREDENTIAL_ERRORS.has(name)) {
    return new CodedError(
      'AWS_CREDENTIALS',
      `The bot's AWS credentials were refused or have expired ${where}.`,
      {
        remedy: 'Renew the credentials (or check the IAM role for the service account) and try again.',
        cause: err,
      },
    );
  }
  if (name === 'InvalidParameterValueException' || name === 'MissingParameterValueException') {
    return new CodedError('AWS_INVALID_PARAMETER', `AWS rejected the query ${where}: ${e.message ?? name}.`, {
      remedy: 'Change the filter AWS names and try again; /backup-jobs help lists the valid forms.',
      cause: err,
    });
  }
  if (name === 'ResourceNotFoundException') {
    return new CodedError('AWS_NOT_FOUND', `AWS Backup has no such job ${where}.`, {
      remedy: 'Check the job id; AWS Backup keeps jobs for 30 days.',
      cause: err,
    });
  }
  if (
    UNREACHABLE_CODES.has(code) ||
    name === 'TimeoutError' ||
    name === 'RequestTimeout' ||
    UNREACHABLE_CODES.has(name)
  ) {
    return new CodedError('AWS_UNREACHABLE', `The AWS Backup endpoint ${where} could not be reached.`, {
      remedy: 'Check the network path to AWS (or AWS_ENDPOINT_URL_BACKUP) and try again.',
      cause: err,
    });
  }
  const status = e.$metadata?.httpStatusCode ?? 0;
  if (name === 'ServiceUnavailableException' || name === 'InternalFailure' || status >= 500) {
    return new CodedError('AWS_UNAVAILABLE', `AWS Backup is unavailable ${where}.`, {
      remedy: 'Try again in a minute; see the AWS Health Dashboard if it persists.',
      cause: err,
    });
  }
  return new CodedError('AWS_UNKNOWN', `AWS Backup failed ${where} (${name || code || 'unknown error'}).`, {
    remedy: 'Try again; if it persists, ask an admin to check the bot logs.',
    cause: err,
  });
}
