export * from './app-config';
export * from './config.module';
export * from './clock';
export * from './region-files';
export * from './region-scope';
