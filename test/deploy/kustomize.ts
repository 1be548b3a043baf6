import { basename, join, resolve } from 'node:path';
import { applyJsonPatch, type PatchOp } from './json-patch.js';
import { exists, readEnvFile, readText, readYaml, readYamlDocs } from './repo.js';

/**
 * A small kustomize build, enough for manifests/: resources, configMapGenerator, patches (strategic
 * merge of maps, `$patch: delete`, JSON 6902 with a full target), namespace, labels, images.
 * Anything else throws, so a kustomization the tests cannot follow fails instead of passing unread.
 */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

interface Generator {
  name: string;
  behavior?: 'create' | 'merge' | 'replace';
  envs?: string[];
  files?: string[];
  literals?: string[];
}

interface Patch {
  path: string;
  target?: { group?: string; version?: string; kind?: string; name?: string };
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean }[];
  configMapGenerator?: Generator[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: Patch[];
}

const FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'labels', 'configMapGenerator']);
for (const field of ['images', 'patches']) FIELDS.add(field);

export function same(a: K8sObject, b: Pick<K8sObject, 'apiVersion' | 'kind' | 'metadata'>): boolean {
  return a.apiVersion === b.apiVersion && a.kind === b.kind && a.metadata.name === b.metadata.name;
}

function generate(dir: string, gen: Generator): Record<string, string> {
  const data: Record<string, string> = {};
  for (const file of gen.envs ?? []) Object.assign(data, readEnvFile(join(dir, file)).values);
  for (const entry of gen.files ?? []) {
    const [key, file] = entry.includes('=') ? entry.split('=', 2) : [basename(entry), entry];
    data[key!] = readText(join(dir, file!));
  }
  for (const literal of gen.literals ?? []) {
    const eq = literal.indexOf('=');
    data[literal.slice(0, eq)] = literal.slice(eq + 1);
  }
  return data;
}

function applyGenerator(objects: K8sObject[], dir: string, gen: Generator): void {
  const data = generate(dir, gen);
  const existing = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === gen.name);
  const behavior = gen.behavior ?? 'create';
  if (behavior === 'create') {
    if (existing) throw new Error(`ConfigMap ${gen.name} already exists`);
    objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: gen.name }, data });
    return;
  }
  if (!existing) throw new Error(`configMapGenerator ${behavior}: no ConfigMap ${gen.name} to ${behavior}`);
  existing.data = behavior === 'merge' ? { ...(existing.data as object), ...data } : data;
}

function mergeMaps(target: Record<string, unknown>, patch: Record<string, unknown>, at: string): void {
  for (const [key, value] of Object.entries(patch)) {
    if (Array.isArray(value)) throw new Error(`${at}.${key}: list merges are beyond this build`);
    const current = target[key];
    if (value && typeof value === 'object' && current && typeof current === 'object') {
      mergeMaps(current as Record<string, unknown>, value as Record<string, unknown>, `${at}.${key}`);
    } else target[key] = structuredClone(value);
  }
}

function applyPatch(objects: K8sObject[], dir: string, patch: Patch): void {
  const file = join(dir, patch.path);
  if (patch.target) {
    const { group, version, kind, name } = patch.target;
    if (!version || !kind || !name) throw new Error(`${file}: target needs version, kind and name`);
    const apiVersion = group ? `${group}/${version}` : version;
    const hits = objects.filter((o) => same(o, { apiVersion, kind, metadata: { name } }));
    if (hits.length !== 1) throw new Error(`${file}: target ${apiVersion} ${kind} ${name} not found`);
    applyJsonPatch(hits[0], readYaml(file) as PatchOp[]);
    return;
  }
  const { $patch, ...doc } = readYaml(file) as K8sObject & { $patch?: string };
  const index = objects.findIndex((o) => same(o, doc));
  if (index < 0) throw new Error(`${file}: ${doc.apiVersion} ${doc.kind} ${doc.metadata?.name} not found`);
  if ($patch === 'delete') objects.splice(index, 1);
  else if ($patch === undefined) mergeMaps(objects[index]!, doc, doc.kind);
  else throw new Error(`${file}: $patch ${$patch} is beyond this build`);
}

function podSpecs(object: K8sObject): Record<string, unknown>[] {
  const template = (object.spec as { template?: { spec?: Record<string, unknown> } } | undefined)?.template;
  return template?.spec ? [template.spec] : [];
}

function transform(objects: K8sObject[], k: Kustomization): void {
  for (const object of objects) {
    if (k.namespace && object.kind !== 'Namespace') object.metadata.namespace = k.namespace;
    for (const label of k.labels ?? []) {
      if (label.includeSelectors) throw new Error('labels.includeSelectors is beyond this build');
      object.metadata.labels = { ...object.metadata.labels, ...label.pairs };
    }
    for (const spec of podSpecs(object)) {
      for (const container of (spec.containers ?? []) as { image: string }[]) {
        const [name, tag] = container.image.split(':');
        const image = k.images?.find((i) => i.name === name);
        if (image) container.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
      }
    }
  }
}

/** Builds the kustomization in `dir` (absolute) to its list of objects. */
export function build(dir: string): K8sObject[] {
  const k = readYaml(join(dir, 'kustomization.yaml')) as Kustomization;
  const unknown = Object.keys(k).filter((field) => !FIELDS.has(field));
  if (unknown.length > 0) throw new Error(`${dir}: fields beyond this build: ${unknown.join(', ')}`);
  const objects: K8sObject[] = [];
  for (const resource of k.resources ?? []) {
    const path = resolve(dir, resource);
    if (exists(join(path, 'kustomization.yaml'))) objects.push(...build(path));
    else objects.push(...(readYamlDocs(path) as K8sObject[]));
  }
  for (const gen of k.configMapGenerator ?? []) applyGenerator(objects, dir, gen);
  for (const patch of k.patches ?? []) applyPatch(objects, dir, patch);
  transform(objects, k);
  return objects;
}

/** The one object of this kind and name; throws when there is none. */
export function find(objects: readonly K8sObject[], kind: string, name: string): K8sObject {
  const hit = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!hit) throw new Error(`no ${kind} ${name}`);
  return hit;
}
