export * from './dossier-changed.port';
export * from './unit-of-work.port';
export * from './audit-log.port';
export * from './dossier.repository.port';
export * from './region.repository.port';
export * from './decision-agenda.port';
export * from './mail-outbox.port';
export * from './person-directory.port';
