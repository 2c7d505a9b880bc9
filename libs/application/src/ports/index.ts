export * from './dossier-changed.port';
export * from './unit-of-work.port';
export * from './agenda-session.repository.port';
export * from './agenda-item.repository.port';
