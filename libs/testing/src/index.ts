export * from './fixed-clock';
export * from './test-database';
export * from './fakes';
export * from './principal';
