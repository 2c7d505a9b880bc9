export * from './fake-dossier-changed';
export * from './fake-unit-of-work';
