export * from './runtime';
export * from './lifecycle';
export * from './core.module';
