export * from './audit-log.repository.port';
export * from './document.repository.port';
export * from './dossier-changed.port';
export * from './mail-queue.port';
export * from './mail-sender.port';
export * from './outbox.repository.port';
export * from './person.repository.port';
export * from './unit-of-work.port';
