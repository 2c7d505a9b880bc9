import { ApiOperation } from '@nestjs/swagger';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CheckHealthUseCase, HealthReport } from '@overlegtafels/application';
import { Public } from '@overlegtafels/auth';

@Controller('health')
export class HealthController {
  constructor(@Inject(CheckHealthUseCase) private readonly health: CheckHealthUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Whether the database, the queue and the mail answer (200 or 503 within 2 s)' })
  @Public('load balancers and operators probe it without a session; it reveals no data')
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.execute();
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
