export * from './runtime';
export * from './lifecycle';
export * from './core.module';
export * from './service-logger';
