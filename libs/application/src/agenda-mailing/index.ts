export * from './agenda-mail-keys';
export * from './agenda-mail.dispatcher';
export * from './agenda-mail.writer';
export * from './agenda-mailing.module';
export * from './agenda-mailing.notifier';
export * from './agenda-jobs.planner';
export * from './session-rows.materializer';
export * from './session-timing.service';
