export * from './fixed-clock';
export * from './test-database';
