import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { QueueConnection } from './queue-connection';
import { MailProducer } from './mail.producer';
import { AgendaProducer } from './agenda.producer';
import { MaintenanceProducer } from './maintenance.producer';

@Global()
@Module({
  providers: [
    {
      provide: QueueConnection,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new QueueConnection({
          redisUrl: config.redisUrl,
          databaseUrl: config.databaseUrl!,
          prefix: config.queuePrefix,
        }),
    },
    MailProducer,
    AgendaProducer,
    MaintenanceProducer,
  ],
  exports: [QueueConnection, MailProducer, AgendaProducer, MaintenanceProducer],
})
export class QueuesModule implements OnApplicationShutdown {
  constructor(@Inject(QueueConnection) private readonly connection: QueueConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
