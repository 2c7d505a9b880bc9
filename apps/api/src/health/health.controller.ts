import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@overlegtafels/auth';
import { MAIL_SINK, MailSink, MailTransport } from '@overlegtafels/mail';
import { PrismaService } from '@overlegtafels/persistence';
import { QueueConnection } from '@overlegtafels/queues';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: { ok: boolean };
  queue: { ok: boolean; backend: 'redis' | 'postgres' };
  mail: { ok: boolean; mode: 'sink' | 'smtp' };
}

@Controller('health')
export class HealthController {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(QueueConnection) private readonly queues: QueueConnection,
    @Inject(MailTransport) private readonly mail: MailTransport,
    @Inject(MAIL_SINK) private readonly sink: MailSink | null,
  ) {}

  @Get()
  @Public('load balancers and operators probe it without a session; it reveals no data')
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const [database, queue, mail] = await Promise.all([
      this.prisma.isHealthy(),
      this.queues.isHealthy(),
      this.mail.verify(),
    ]);
    const report: HealthReport = {
      status: database && queue && mail ? 'ok' : 'unavailable',
      database: { ok: database },
      queue: { ok: queue, backend: this.queues.kind },
      mail: { ok: mail, mode: this.sink ? 'sink' : 'smtp' },
    };
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
