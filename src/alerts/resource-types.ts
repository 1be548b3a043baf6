import { RESOURCE_TYPES, type ResourceType } from '../query/types.js';

/**
 * Alias table for resource types in rule files. Kept here until query/ publishes its vocabulary;
 * matching is case-insensitive and ignores spaces, dashes and underscores.
 */
const ALIASES: Record<string, ResourceType> = {
  cfn: 'CloudFormation',
  docdb: 'DocumentDB',
  ddb: 'DynamoDB',
  dynamo: 'DynamoDB',
  ec2instance: 'EC2',
  efsfilesystem: 'EFS',
  kubernetes: 'EKS',
  aurora: 'Aurora',
  rdsaurora: 'Aurora',
  sap: 'SAP HANA on Amazon EC2',
  saphana: 'SAP HANA on Amazon EC2',
  hana: 'SAP HANA on Amazon EC2',
  sgw: 'Storage Gateway',
  gateway: 'Storage Gateway',
  vm: 'VirtualMachine',
  vmware: 'VirtualMachine',
  fsxwindows: 'FSx',
  fsxlustre: 'FSx',
  fsxontap: 'FSx',
};

function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

const BY_SQUASHED = new Map<string, ResourceType>([
  ...RESOURCE_TYPES.map((t) => [squash(t), t] as const),
  ...Object.entries(ALIASES),
]);

/** The AWS spelling of a resource type or alias (`rds`, `dynamo`, `vm`), or undefined. */
export function canonicalResourceType(text: string): ResourceType | undefined {
  return BY_SQUASHED.get(squash(text));
}
