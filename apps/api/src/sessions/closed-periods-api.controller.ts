import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClosePeriodSchema, ClosePeriodUseCase, parseInput } from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { viewerOf } from '../agenda/viewer';
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
  async closePeriod(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    const input = parseInput(ClosePeriodSchema, body);
    await this.closePeriodUseCase.execute({
      actor: viewerOf(principal, 'POST /api/closed-periods'),
      ...input,
    });
  }
}
