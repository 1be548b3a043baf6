import type { Rng } from './prng.js';
import type { ResourceType } from './vocabulary.js';

/** Where a resource lives and what it is called; ARNs are built from it. */
export interface ResourcePlace {
  account: string;
  region: string;
  /** A readable base name like `orders-prod`. */
  base: string;
  rng: Rng;
}

/** How one AWS resource type looks and behaves in the generated dataset. */
export interface ResourceKind {
  type: ResourceType;
  /** Relative share of resources of this type. */
  weight: number;
  /** Job duration range in minutes. */
  minutes: readonly [number, number];
  /** Backup size range in GiB (picked log-uniformly). */
  gib: readonly [number, number];
  resource(place: ResourcePlace): { arn: string; name: string };
}

const id17 = (rng: Rng): string => rng.hex(17);

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  kind('EBS', 20, [8, 75], [8, 2048], (p) => {
    const id = `vol-${id17(p.rng)}`;
    return { arn: `arn:aws:ec2:${p.region}:${p.account}:volume/${id}`, name: `${p.base}-data` };
  }),
  kind('EC2', 16, [15, 110], [30, 1024], (p) => {
    const id = `i-${id17(p.rng)}`;
    return { arn: `arn:aws:ec2:${p.region}:${p.account}:instance/${id}`, name: `${p.base}-app` };
  }),
  kind('RDS', 12, [12, 60], [20, 4096], (p) => ({
    arn: `arn:aws:rds:${p.region}:${p.account}:db:${p.base}-db`,
    name: `${p.base}-db`,
  })),
  kind('Aurora', 6, [8, 40], [10, 8192], (p) => ({
    arn: `arn:aws:rds:${p.region}:${p.account}:cluster:${p.base}-aurora`,
    name: `${p.base}-aurora`,
  })),
  kind('DynamoDB', 10, [2, 20], [0.01, 300], (p) => {
    const table = p.base.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
    return { arn: `arn:aws:dynamodb:${p.region}:${p.account}:table/${table}`, name: table };
  }),
  kind('EFS', 6, [20, 240], [1, 6000], (p) => {
    const id = `fs-${id17(p.rng)}`;
    return {
      arn: `arn:aws:elasticfilesystem:${p.region}:${p.account}:file-system/${id}`,
      name: `${p.base}-shared`,
    };
  }),
  kind('S3', 8, [15, 200], [0.5, 12000], (p) => {
    const bucket = `${p.base}-${p.account}-${p.region}`;
    return { arn: `arn:aws:s3:::${bucket}`, name: bucket };
  }),
  kind('FSx', 2, [25, 160], [32, 8192], (p) => {
    const id = `fs-${id17(p.rng)}`;
    return { arn: `arn:aws:fsx:${p.region}:${p.account}:file-system/${id}`, name: `${p.base}-fsx` };
  }),
  kind('CloudFormation', 3, [10, 60], [5, 500], (p) => {
    const stack = `${p.base}-stack`;
    return {
      arn: `arn:aws:cloudformation:${p.region}:${p.account}:stack/${stack}/${p.rng.uuid()}`,
      name: stack,
    };
  }),
  kind('DocumentDB', 2, [10, 45], [10, 2048], (p) => ({
    arn: `arn:aws:rds:${p.region}:${p.account}:cluster:${p.base}-docdb`,
    name: `${p.base}-docdb`,
  })),
  kind('Neptune', 1, [10, 45], [10, 1024], (p) => ({
    arn: `arn:aws:rds:${p.region}:${p.account}:cluster:${p.base}-neptune`,
    name: `${p.base}-neptune`,
  })),
  kind('Redshift', 2, [20, 90], [100, 16384], (p) => ({
    arn: `arn:aws:redshift:${p.region}:${p.account}:cluster:${p.base}-dwh`,
    name: `${p.base}-dwh`,
  })),
  kind('EKS', 2, [10, 50], [1, 200], (p) => ({
    arn: `arn:aws:eks:${p.region}:${p.account}:cluster/${p.base}-eks`,
    name: `${p.base}-eks`,
  })),
  kind('SAP HANA on Amazon EC2', 1, [30, 180], [256, 6144], (p) => {
    const sid = `H${p.rng.int(100).toString().padStart(2, '0')}`;
    return {
      arn: `arn:aws:ssm-sap:${p.region}:${p.account}:HANA/${sid}/DB/${sid}`,
      name: `${sid}/${sid}`,
    };
  }),
  kind('Storage Gateway', 1, [20, 120], [50, 4096], (p) => {
    const gw = `sgw-${p.rng.hex(8).toUpperCase()}`;
    const vol = `vol-${p.rng.hex(8).toUpperCase()}`;
    return {
      arn: `arn:aws:storagegateway:${p.region}:${p.account}:gateway/${gw}/volume/${vol}`,
      name: `${p.base}-gw-volume`,
    };
  }),
  kind('Timestream', 1, [5, 40], [1, 500], (p) => {
    const db = p.base.replace(/-/g, '_');
    return {
      arn: `arn:aws:timestream:${p.region}:${p.account}:database/${db}/table/metrics`,
      name: `${db}/metrics`,
    };
  }),
  kind('VirtualMachine', 2, [20, 150], [40, 2048], (p) => {
    const id = `vm-${id17(p.rng)}`;
    return { arn: `arn:aws:backup-gateway:${p.region}:${p.account}:vm/${id}`, name: `${p.base}-vm` };
  }),
];

function kind(
  type: ResourceType,
  weight: number,
  minutes: readonly [number, number],
  gib: readonly [number, number],
  resource: ResourceKind['resource'],
): ResourceKind {
  return { type, weight, minutes, gib, resource };
}

/** Types that a CloudFormation stack's child jobs back up. */
export const STACK_CHILD_TYPES: readonly ResourceType[] = ['DynamoDB', 'EBS', 'EFS', 'RDS', 'S3'];

export function kindOf(type: string): ResourceKind | undefined {
  return RESOURCE_KINDS.find((k) => k.type === type);
}
