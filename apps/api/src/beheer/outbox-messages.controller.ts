import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ListFailedMailUseCase,
  ReadOutboxStatusUseCase,
  RetryFailedMailUseCase,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { pageQuery } from './failed-mails.controller';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';
import { KeysetPageQueries } from '../openapi/keyset-page-queries';

/** The outbox's messages as JSON (under /api/admin/mail, as it always was): status, the failed ones, retry. */
@Controller('api/admin/mail')
export class OutboxMessagesController {
  constructor(
    @Inject(ReadOutboxStatusUseCase) private readonly outboxStatus: ReadOutboxStatusUseCase,
    @Inject(ListFailedMailUseCase) private readonly failedMail: ListFailedMailUseCase,
    @Inject(RetryFailedMailUseCase) private readonly retryMail: RetryFailedMailUseCase,
  ) {}

  @Get('outbox/:id')
  @ApiOperation({ summary: 'Where one outbox message stands: status, attempts, last error, sent at' })
  @Roles('admin', 'coordinator')
  async status(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.outboxStatus.execute(principal, { outboxId: id });
  }

  @Get('failed')
  @ApiOperation({ summary: 'The mails the worker gave up on, most recently failed first, fifty a page' })
  @KeysetPageQueries()
  @ApiResponse({ status: 200, description: '`{ items, total, next, previous }`' })
  @Roles('admin', 'coordinator')
  async failed(@CurrentPrincipal() principal: Principal, @Query() query: Record<string, unknown>) {
    return this.failedMail.execute(principal, pageQuery(query));
  }

  @Post('outbox/:id/retry')
  @ApiOperation({ summary: 'Send a failed mail again (a new job for the same message)' })
  @HttpCode(202)
  @Roles('admin', 'coordinator')
  @ApiResponse({
    status: 202,
    description:
      '`{ id, status: "pending" }`; the same Idempotency-Key again answers this and queues nothing',
  })
  @ApiResponse({ status: 404, description: 'No failed message with this id (or not of your region)' })
  @ApiResponse({
    status: 409,
    description: 'SUBMISSION_KEY_REUSED: the Idempotency-Key again for another message',
  })
  @IdempotencyKeyHeader()
  async retry(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    if (!(await this.retryMail.execute(principal, { outboxId: id, ...withKey(idempotencyKey(key)) }))) {
      throw new NotFoundException('no failed message with this id');
    }
    return { id, status: 'pending' };
  }
}
