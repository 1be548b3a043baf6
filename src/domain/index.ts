/** The product's vocabulary: job kinds, states and outcomes, resource types, names and ids. Pure. */
export * from './ids.js';
export * from './kinds.js';
export * from './resource-types.js';
export * from './states.js';
