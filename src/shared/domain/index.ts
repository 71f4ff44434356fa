/** Shared clinical domain layer (isomorphic: used by the SPA and the API). */
export * from './case-status';
export * from './causes';
export * from './follow-up';
export * from './odi';
export * from './pain';
export * from './permissions';
export * from './procedures';
export * from './red-flags';
export * from './symptoms';
export * from './treatments';
