/** The product's vocabulary: job states and outcomes, resource types, names and ids. Pure. */
export * from './ids.js';
export * from './resource-types.js';
export * from './states.js';
