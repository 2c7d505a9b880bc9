export * from './queue-names';
export * from './job-payloads';
export * from './job-defaults';
export * from './job-processor';
export * from './queue-connection';
export * from './mail.producer';
export * from './agenda.producer';
export * from './queues.module';
