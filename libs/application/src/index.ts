export * from './clock';
export * from './runtime/runtime';
export * from './core.module';
export * from './runtime/lifecycle';
