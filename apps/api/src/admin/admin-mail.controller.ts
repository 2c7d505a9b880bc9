import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { isEmailAddress } from '@overlegtafels/mail';
import { RetryFailedMailUseCase, SendTestMailUseCase } from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { OutboxRepository } from '@overlegtafels/persistence';

@Controller('api/admin/mail')
export class AdminMailController {
  constructor(
    @Inject(SendTestMailUseCase) private readonly testMail: SendTestMailUseCase,
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
    @Inject(RetryFailedMailUseCase) private readonly retryMail: RetryFailedMailUseCase,
  ) {}

  @Post('test')
  @HttpCode(202)
  @Roles('admin', 'coordinator')
  async sendTest(@CurrentPrincipal() principal: Principal, @Body() body: Record<string, unknown>) {
    const to = typeof body?.to === 'string' ? body.to.trim() : '';
    if (!isEmailAddress(to)) {
      throw new BadRequestException({ field: 'to', message: 'to: must be an e-mail address' });
    }
    return this.testMail.execute(principal.personId, to);
  }

  @Get('outbox/:id')
  @Roles('admin', 'coordinator')
  async status(@Param('id', new ParseUUIDPipe()) id: string) {
    const row = await this.outbox.find(id);
    if (!row) throw new NotFoundException('outbox message not found');
    return {
      id: row.id,
      purpose: row.purpose,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      sentAt: row.sentAt,
    };
  }

  @Get('failed')
  @Roles('admin', 'coordinator')
  async failed() {
    return { failed: await this.outbox.failed() };
  }

  @Post('outbox/:id/retry')
  @HttpCode(202)
  @Roles('admin', 'coordinator')
  async retry(@Param('id', new ParseUUIDPipe()) id: string) {
    if (!(await this.retryMail.execute(id))) throw new NotFoundException('no failed message with this id');
    return { id, status: 'pending' };
  }
}
