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
import {
  ListFailedMailUseCase,
  ReadOutboxStatusUseCase,
  RetryFailedMailUseCase,
  SendTestMailUseCase,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';

/** The mail of the installation as JSON (under /api/admin/mail, as it always was): test, status, retry. */
@Controller('api/admin/mail')
export class MailApiController {
  constructor(
    @Inject(SendTestMailUseCase) private readonly testMail: SendTestMailUseCase,
    @Inject(ReadOutboxStatusUseCase) private readonly outboxStatus: ReadOutboxStatusUseCase,
    @Inject(ListFailedMailUseCase) private readonly failedMail: ListFailedMailUseCase,
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
    return this.testMail.execute(principal, { to });
  }

  @Get('outbox/:id')
  @Roles('admin', 'coordinator')
  async status(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.outboxStatus.execute(principal, { outboxId: id });
  }

  @Get('failed')
  @Roles('admin', 'coordinator')
  async failed(@CurrentPrincipal() principal: Principal) {
    return { failed: await this.failedMail.execute(principal) };
  }

  @Post('outbox/:id/retry')
  @HttpCode(202)
  @Roles('admin', 'coordinator')
  async retry(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    if (!(await this.retryMail.execute(principal, { outboxId: id }))) {
      throw new NotFoundException('no failed message with this id');
    }
    return { id, status: 'pending' };
  }
}
