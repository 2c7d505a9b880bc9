export * from './fake-dossier-changed';
export * from './fake-unit-of-work';
export * from './audit-log.fake';
export * from './dossier.repository.fake';
export * from './region.repository.fake';
