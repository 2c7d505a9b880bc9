import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClosePeriodSchema, ClosePeriodUseCase, parseInput, Viewer } from '@overlegtafels/application';
import { Roles } from '@overlegtafels/auth';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { jsonSchemaOf } from '../openapi/json-schema';

/** Periods without sessions (e.g. the Christmas weeks), closed by a coordinator. */
@ApiTags('agenda')
@Controller('api')
export class ClosedPeriodsApiController {
  constructor(@Inject(ClosePeriodUseCase) private readonly closePeriodUseCase: ClosePeriodUseCase) {}

  @Post('closed-periods')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Close a period (no sessions), for one table or all' })
  @ApiBody({ schema: jsonSchemaOf(ClosePeriodSchema) })
  @IdempotencyKeyHeader()
  async closePeriod(
    @CurrentViewer() actor: Viewer,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const input = parseInput(ClosePeriodSchema, body);
    await this.closePeriodUseCase.execute({
      actor,
      ...input,
      ...withKey(idempotencyKey(key)),
    });
  }
}
