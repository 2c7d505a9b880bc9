import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { MailSink } from './mail-sink';
import { MailTransport } from './mail-transport';

/** The embedded sink of the default mode, or null when real SMTP is configured. */
export const MAIL_SINK = Symbol('MAIL_SINK');

@Global()
@Module({})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MailTransport) private readonly transport: MailTransport) {}

  static forRoot(sink: MailSink | undefined): DynamicModule {
    return {
      module: MailModule,
      providers: [
        {
          provide: MailTransport,
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => new MailTransport(c.smtpUrl!),
        },
        { provide: MAIL_SINK, useValue: sink ?? null },
      ],
      exports: [MailTransport, MAIL_SINK],
    };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
