export * from './mail-sink';
export * from './mail-transport';
export * from './mail.module';
