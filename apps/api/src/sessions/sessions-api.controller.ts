import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CancelSessionUseCase,
  CapacitySchema,
  ChangeSessionCapacityUseCase,
  FreezeAgendaUseCase,
  MoveSessionSchema,
  MoveSessionUseCase,
  parseInput,
  ReasonSchema,
  UnfreezeAgendaUseCase,
  Viewer,
} from '@overlegtafels/application';
import { Roles } from '@overlegtafels/auth';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { jsonSchemaOf } from '../openapi/json-schema';

/** A coordinator's commands on a session (zitting): parsed here, decided by the use cases. */
@ApiTags('agenda')
@Controller('api')
export class SessionsApiController {
  constructor(
    @Inject(CancelSessionUseCase) private readonly cancelSessionUseCase: CancelSessionUseCase,
    @Inject(MoveSessionUseCase) private readonly moveSessionUseCase: MoveSessionUseCase,
    @Inject(ChangeSessionCapacityUseCase) private readonly changeCapacity: ChangeSessionCapacityUseCase,
    @Inject(UnfreezeAgendaUseCase) private readonly unfreezeAgenda: UnfreezeAgendaUseCase,
    @Inject(FreezeAgendaUseCase) private readonly freezeAgenda: FreezeAgendaUseCase,
  ) {}

  @Post('sessions/:id/cancel')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel a session; its items roll over ahead of new ones' })
  @ApiBody({ schema: jsonSchemaOf(ReasonSchema) })
  async cancelSession(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
  ) {
    const { reason } = parseInput(ReasonSchema, body);
    await this.cancelSessionUseCase.execute({ actor, sessionId: id, reason });
  }

  @Post('sessions/:id/move')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Move a session to another date or time' })
  @ApiBody({ schema: jsonSchemaOf(MoveSessionSchema) })
  async moveSession(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
  ) {
    const input = parseInput(MoveSessionSchema, body);
    await this.moveSessionUseCase.execute({ actor, sessionId: id, ...input });
  }

  @Post('sessions/:id/capacity')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change a session’s capacity in minutes' })
  @ApiBody({ schema: jsonSchemaOf(CapacitySchema) })
  async capacity(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
  ) {
    const input = parseInput(CapacitySchema, body);
    await this.changeCapacity.execute({ actor, sessionId: id, ...input });
  }

  @Post('sessions/:id/freeze')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Freeze a session’s agenda now (slot confirmations go out)' })
  @ApiBody({ schema: jsonSchemaOf(ReasonSchema) })
  async freeze(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
  ) {
    const { reason } = parseInput(ReasonSchema, body);
    await this.freezeAgenda.execute({ actor, sessionId: id, reason });
  }

  @Post('sessions/:id/unfreeze')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Open a frozen (not yet sent) agenda again' })
  @ApiBody({ schema: jsonSchemaOf(ReasonSchema) })
  async unfreeze(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
  ) {
    const { reason } = parseInput(ReasonSchema, body);
    await this.unfreezeAgenda.execute({ actor, sessionId: id, reason });
  }
}
