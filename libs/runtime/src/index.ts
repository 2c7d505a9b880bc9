export * from './runtime';
export * from './lifecycle';
