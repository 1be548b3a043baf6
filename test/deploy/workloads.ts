import { find, type K8sObject } from './kustomize.js';
import { readYaml, repoPath } from './repo.js';

export interface Probe {
  httpGet?: { path: string; port: number | string };
  [field: string]: unknown;
}

export interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  securityContext?: Record<string, unknown>;
  volumeMounts?: { name: string; mountPath: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

export interface PodSpec {
  serviceAccountName?: string;
  terminationGracePeriodSeconds?: number;
  securityContext?: Record<string, unknown>;
  containers: Container[];
  volumes?: { name: string; emptyDir?: unknown; configMap?: { name: string } }[];
}

export interface Workload extends K8sObject {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
      spec: PodSpec;
    };
  };
}

export const SECRET_TEMPLATE = repoPath('manifests', 'base', 'secret.example.yaml');

/** The Secret template: name and the placeholder values of its keys. */
export function secretTemplate(): { name: string; values: Record<string, string> } {
  const secret = readYaml(SECRET_TEMPLATE) as K8sObject & { stringData?: Record<string, string> };
  return { name: secret.metadata.name, values: secret.stringData ?? {} };
}

export function workload(objects: readonly K8sObject[], kind: string, name: string): Workload {
  return find(objects, kind, name) as Workload;
}

export function onlyContainer(w: Workload): Container {
  const [container, ...rest] = w.spec.template.spec.containers;
  if (!container || rest.length > 0) throw new Error(`${w.metadata.name}: expected one container`);
  return container;
}

/**
 * The environment a container starts with: envFrom in order (a later source wins), then `env`.
 * Secrets come from the template, as the deployment would after filling it in.
 */
export function containerEnv(objects: readonly K8sObject[], container: Container): Record<string, string> {
  const env: Record<string, string> = {};
  const secret = secretTemplate();
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      Object.assign(env, find(objects, 'ConfigMap', source.configMapRef.name).data as object);
    } else if (source.secretRef) {
      if (source.secretRef.name !== secret.name) throw new Error(`unknown Secret ${source.secretRef.name}`);
      Object.assign(env, secret.values);
    }
  }
  for (const entry of container.env ?? []) {
    if (entry.value === undefined) throw new Error(`${entry.name}: only literal values are followed here`);
    env[entry.name] = entry.value;
  }
  return env;
}

/** The container port a probe or Service names, by number or by port name. */
export function portNumber(container: Container, port: number | string): number {
  if (typeof port === 'number') return port;
  const named = container.ports?.find((p) => p.name === port);
  if (!named) throw new Error(`${container.name}: no port named ${port}`);
  return named.containerPort;
}

/** True when every label of `selector` is on `labels`. */
export function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}
