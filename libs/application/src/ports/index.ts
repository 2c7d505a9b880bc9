export * from './dossier-changed.port';
export * from './obligation-people.port';
export * from './obligation-read-model.port';
export * from './obligation.repository.port';
export * from './reminder-outbox.port';
export * from './reminder-sweep.port';
export * from './unit-of-work.port';
