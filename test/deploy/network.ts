import type { K8sObject } from './kustomize.js';
import { selects, type Workload } from './workloads.js';

export interface Peer {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: { matchLabels?: Record<string, string> };
  ipBlock?: { cidr: string };
}
export interface Rule {
  to?: Peer[];
  from?: Peer[];
  ports?: { port: number; protocol?: string }[];
}
export interface PolicySpec {
  podSelector: { matchLabels: Record<string, string> };
  policyTypes: string[];
  ingress?: Rule[];
  egress?: Rule[];
}

/** The one NetworkPolicy that selects the workload's pods. */
export function policyFor(all: readonly K8sObject[], w: Workload): PolicySpec {
  const policies = all
    .filter((o) => o.kind === 'NetworkPolicy')
    .map((o) => o.spec as PolicySpec)
    .filter((p) => selects(p.podSelector.matchLabels, w.spec.template.metadata.labels));
  if (policies.length !== 1) throw new Error(`${w.metadata.name}: ${policies.length} policies select it`);
  return policies[0]!;
}

/** True when a rule opens `port`/`protocol`, toward (or from) a peer `peer` accepts when given. */
export function allows(
  rules: Rule[] | undefined,
  port: number,
  protocol = 'TCP',
  peer?: (p: Peer) => boolean,
) {
  return (rules ?? []).some(
    (r) =>
      (r.ports ?? []).some((p) => p.port === port && (p.protocol ?? 'TCP') === protocol) &&
      (peer === undefined || (r.to ?? r.from ?? []).some(peer)),
  );
}

/** The host and port of REDIS_URL. */
export function redisAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 6379) };
}
