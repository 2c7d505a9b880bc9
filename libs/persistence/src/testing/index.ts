export * from './agenda-fixtures.test-util';
