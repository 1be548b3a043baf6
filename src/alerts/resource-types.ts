import { RESOURCE_TYPES, type ResourceType } from '../query/types.js';
import { RESOURCE_TYPE_ALIASES } from '../query/vocabulary.js';

/** Case-insensitive, and blind to spaces, dashes and underscores: "Storage Gateway" = storage_gateway. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

// The query language's vocabulary, so rules and /backup-jobs accept the same words.
const BY_SQUASHED = new Map<string, ResourceType>([
  ...RESOURCE_TYPES.map((t) => [squash(t), t] as const),
  ...RESOURCE_TYPES.flatMap((t) => RESOURCE_TYPE_ALIASES[t].aliases.map((a) => [squash(a), t] as const)),
]);

/** The AWS spelling of a resource type or alias (`rds`, `dynamo`, `vm`), or undefined. */
export function canonicalResourceType(text: string): ResourceType | undefined {
  return BY_SQUASHED.get(squash(text));
}
