import type { CoverageQuery, ResourceFilters, ResourceQuery, StaleQuery, Visibility } from './types.js';

/**
 * The parse JSON of the questions about protection gaps, in the product's words (no AWS operation
 * answers them alone: `coverage/` does, from ListProtectedResources and job history):
 * - `stale`: `{ kind, maxAgeSeconds, copies, filters, pageSize, visibility }`, resources whose last
 *   good backup (`copies`: copy) is older than `maxAgeSeconds`;
 * - `resource`: `{ kind, target, visibility }`, an ARN or a name;
 * - `coverage`: `{ kind, maxAgeSeconds, filters, visibility }`.
 *
 * `filters` holds `accounts` (12-digit ids, or `["*"]` for every account), `regions`,
 * `resourceTypes` (as AWS spells them) and `vaults`, each empty for every value.
 */
export interface ParseGapJson {
  kind: 'stale' | 'resource' | 'coverage';
  maxAgeSeconds?: number;
  copies?: boolean;
  target?: string;
  filters?: ResourceFilters;
  pageSize?: number;
  visibility: Visibility;
}

export function staleJson(query: StaleQuery): ParseGapJson {
  return {
    kind: 'stale',
    maxAgeSeconds: query.maxAgeMs / 1000,
    copies: query.copies,
    filters: filtersJson(query.filters),
    pageSize: query.pageSize,
    visibility: query.visibility,
  };
}

export function resourceJson(query: ResourceQuery): ParseGapJson {
  return { kind: 'resource', target: query.target, visibility: query.visibility };
}

export function coverageJson(query: CoverageQuery): ParseGapJson {
  return {
    kind: 'coverage',
    maxAgeSeconds: query.maxAgeMs / 1000,
    filters: filtersJson(query.filters),
    visibility: query.visibility,
  };
}

function filtersJson(f: ResourceFilters): ResourceFilters {
  return {
    accounts: [...f.accounts],
    regions: [...f.regions],
    resourceTypes: [...f.resourceTypes],
    vaults: [...f.vaults],
  };
}
