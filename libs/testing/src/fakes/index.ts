export * from './fake-dossier-changed';
export * from './fake-unit-of-work';
export * from './audit-log.repository.fake';
export * from './document.repository.fake';
