export * from './fake-dossier-changed';
export * from './fake-unit-of-work';
export * from './obligation-people.fake';
export * from './obligation-read-model.fake';
export * from './obligation.repository.fake';
export * from './reminder-outbox.fake';
export * from './reminder-sweep-claim.fake';
