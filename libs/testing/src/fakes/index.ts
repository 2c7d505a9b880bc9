export * from './fake-dossier-changed';
export * from './fake-unit-of-work';
export * from './audit-log.repository.fake';
export * from './document.repository.fake';
export * from './mail-queue.fake';
export * from './mail-sender.fake';
export * from './outbox.repository.fake';
export * from './person.repository.fake';
