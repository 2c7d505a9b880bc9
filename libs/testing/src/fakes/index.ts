export * from './fake-dossier-changed';
export * from './fake-unit-of-work';
export * from './agenda-session.repository.fake';
export * from './agenda-item.repository.fake';
