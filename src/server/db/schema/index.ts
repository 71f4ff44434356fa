export * from './audit';
export * from './clinical';
export * from './users';
