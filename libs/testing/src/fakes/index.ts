export * from './fake-dossier-changed';
export * from './fake-unit-of-work';
export * from './audit-log.fake';
export * from './dossier.repository.fake';
export * from './region.repository.fake';
export * from './decision-agenda.fake';
export * from './mail-outbox.fake';
export * from './person-directory.fake';
