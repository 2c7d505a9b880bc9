export * from './agenda-fixtures.test-util';
export { asTransaction, type Tx } from '../transaction';
