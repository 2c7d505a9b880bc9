import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { MailComposer } from './mail-composer';
import { MailIdentity } from './mail-identity';
import { MailSink } from './mail-sink';
import { MailTransport } from './mail-transport';

/** The embedded sink of the default mode, or null when real SMTP is configured. */
export const MAIL_SINK = Symbol('MAIL_SINK');

/** Who the service mails as (From, region name, UID host). */
export const MAIL_IDENTITY = Symbol('MAIL_IDENTITY');

@Global()
@Module({})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MailTransport) private readonly transport: MailTransport) {}

  static forRoot(sink: MailSink | undefined, identity: MailIdentity): DynamicModule {
    return {
      module: MailModule,
      providers: [
        {
          provide: MailTransport,
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => new MailTransport(c.smtpUrl!),
        },
        { provide: MAIL_SINK, useValue: sink ?? null },
        { provide: MAIL_IDENTITY, useValue: identity },
        { provide: MailComposer, useValue: new MailComposer(identity) },
      ],
      exports: [MailTransport, MAIL_SINK, MAIL_IDENTITY, MailComposer],
    };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
