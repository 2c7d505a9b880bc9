export * from './table-fixtures.test-util';
export * from './zdt.test-util';
