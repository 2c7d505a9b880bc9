export * from './pdf-text.test-util';
