export * from './print-document';
export * from './pdf-renderer';
export { toWinAnsi } from './win-ansi';
