import type { Rng } from './prng.js';
import type { ResourceType } from './vocabulary.js';

const id17 = (rng: Rng): string => rng.hex(17);

/** Where a recovery point of this job lands, shaped as AWS names it per type. */
export function recoveryPointArn(type: string, region: string, account: string, rng: Rng): string {
  if (type === 'EBS') return `arn:aws:ec2:${region}::snapshot/snap-${id17(rng)}`;
  if (type === 'EC2') return `arn:aws:ec2:${region}::image/ami-${id17(rng)}`;
  if (type === 'RDS') return `arn:aws:rds:${region}:${account}:snapshot:awsbackup:job-${rng.uuid()}`;
  if (type === 'Aurora' || type === 'DocumentDB' || type === 'Neptune') {
    return `arn:aws:rds:${region}:${account}:cluster-snapshot:awsbackup:job-${rng.uuid()}`;
  }
  return `arn:aws:backup:${region}:${account}:recovery-point:${rng.uuid()}`;
}

const ARN_TYPES: readonly (readonly [RegExp, ResourceType])[] = [
  [/^arn:aws:ec2:[^:]*:\d*:volume\//, 'EBS'],
  [/^arn:aws:ec2:[^:]*:\d*:instance\//, 'EC2'],
  [/^arn:aws:rds:[^:]*:\d*:db:/, 'RDS'],
  [/^arn:aws:rds:[^:]*:\d*:cluster:/, 'Aurora'],
  [/^arn:aws:dynamodb:/, 'DynamoDB'],
  [/^arn:aws:elasticfilesystem:/, 'EFS'],
  [/^arn:aws:s3:/, 'S3'],
  [/^arn:aws:fsx:/, 'FSx'],
  [/^arn:aws:cloudformation:/, 'CloudFormation'],
  [/^arn:aws:redshift:/, 'Redshift'],
  [/^arn:aws:eks:/, 'EKS'],
  [/^arn:aws:ssm-sap:/, 'SAP HANA on Amazon EC2'],
  [/^arn:aws:storagegateway:/, 'Storage Gateway'],
  [/^arn:aws:timestream:/, 'Timestream'],
  [/^arn:aws:backup-gateway:/, 'VirtualMachine'],
];

/** The resource type an ARN most likely names; EBS when nothing fits. */
export function guessType(arn: string | undefined): ResourceType {
  if (arn === undefined) return 'EBS';
  return ARN_TYPES.find(([pattern]) => pattern.test(arn))?.[1] ?? 'EBS';
}
