/**
 * AWS Backup resource types and the words people use for them. Pure and dependency-free. A type
 * AWS adds later is not refused: names that match none of these pass through as typed.
 */

/** The resource types AWS Backup documents, exactly as the API spells them. */
export const RESOURCE_TYPES = [
  'Aurora',
  'CloudFormation',
  'DocumentDB',
  'DynamoDB',
  'EBS',
  'EC2',
  'EFS',
  'EKS',
  'FSx',
  'Neptune',
  'RDS',
  'Redshift',
  'S3',
  'SAP HANA on Amazon EC2',
  'Storage Gateway',
  'Timestream',
  'VirtualMachine',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Aliases of each type; `bare` ones are also understood alone in a query ("failed rds"). */
export const RESOURCE_TYPE_ALIASES: Readonly<Record<ResourceType, { aliases: string[]; bare: string[] }>> = {
  Aurora: { aliases: ['aurora'], bare: ['aurora'] },
  CloudFormation: { aliases: ['cloudformation', 'cfn', 'stack'], bare: ['cloudformation', 'cfn'] },
  DocumentDB: { aliases: ['documentdb', 'docdb'], bare: ['documentdb', 'docdb'] },
  DynamoDB: { aliases: ['dynamodb', 'dynamo', 'ddb'], bare: ['dynamodb', 'dynamo', 'ddb'] },
  EBS: { aliases: ['ebs', 'volume', 'volumes'], bare: ['ebs'] },
  EC2: { aliases: ['ec2', 'instance', 'instances'], bare: ['ec2'] },
  EFS: { aliases: ['efs'], bare: ['efs'] },
  EKS: { aliases: ['eks', 'kubernetes'], bare: ['eks'] },
  FSx: { aliases: ['fsx'], bare: ['fsx'] },
  Neptune: { aliases: ['neptune'], bare: ['neptune'] },
  RDS: { aliases: ['rds'], bare: ['rds'] },
  Redshift: { aliases: ['redshift'], bare: ['redshift'] },
  S3: { aliases: ['s3', 'bucket', 'buckets'], bare: ['s3'] },
  'SAP HANA on Amazon EC2': { aliases: ['sap', 'saphana', 'sap-hana', 'hana'], bare: ['saphana'] },
  'Storage Gateway': {
    aliases: ['storage-gateway', 'storagegateway', 'sgw', 'gateway'],
    bare: ['sgw', 'storage-gateway'],
  },
  Timestream: { aliases: ['timestream'], bare: ['timestream'] },
  VirtualMachine: { aliases: ['virtualmachine', 'vm', 'vms', 'vmware'], bare: ['vmware'] },
};

/** Case-insensitive, and blind to spaces, dashes and underscores: "Storage Gateway" = storage_gateway. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

const BY_SQUASHED = new Map<string, ResourceType>([
  ...RESOURCE_TYPES.map((t) => [squash(t), t] as const),
  ...RESOURCE_TYPES.flatMap((t) => RESOURCE_TYPE_ALIASES[t].aliases.map((a) => [squash(a), t] as const)),
]);

/** The AWS spelling of a documented type or alias (`rds`, `dynamo`, `vm`, `storage_gateway`), or undefined. */
export function knownResourceType(text: string): ResourceType | undefined {
  return BY_SQUASHED.get(squash(text));
}

/** Every word that names a documented type (aliases and the AWS names, lower case), for suggestions. */
export const RESOURCE_TYPE_WORDS: readonly string[] = [
  ...new Set(RESOURCE_TYPES.flatMap((t) => [...RESOURCE_TYPE_ALIASES[t].aliases, t.toLowerCase()])),
];

/** A name AWS could take as a resource type: letters, digits and spaces, up to 50 characters. */
export function isResourceTypeShaped(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9 ]{0,49}$/.test(text);
}
