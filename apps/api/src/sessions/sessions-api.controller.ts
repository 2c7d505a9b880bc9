import { Body, Controller, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
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
  SendAgendaNowSchema,
  SendAgendaNowUseCase,
  SessionPlaceSchema,
  SetSessionPlaceUseCase,
  UnfreezeAgendaUseCase,
  Viewer,
} from '@overlegtafels/application';
import { Roles } from '@overlegtafels/auth';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { jsonSchemaOf } from '../openapi/json-schema';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';

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
    @Inject(SendAgendaNowUseCase) private readonly sendAgendaNow: SendAgendaNowUseCase,
    @Inject(SetSessionPlaceUseCase) private readonly setPlace: SetSessionPlaceUseCase,
  ) {}

  @Post('sessions/:id/send')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a session’s agenda now',
    description:
      'What the send moment does, now: the agenda with the session’s invitation to every standing member, an ' +
      'invitation for their own slot to every guest and casusregisseur (freezing the agenda first when still open). ' +
      'An agenda without items is sent only with `keepEmpty: true` (the session is kept); without it the answer is a ' +
      '400 naming `keepEmpty`. An agenda already sent is a 409; the same Idempotency-Key answers the first result.',
  })
  @ApiBody({ schema: jsonSchemaOf(SendAgendaNowSchema) })
  @IdempotencyKeyHeader()
  async send(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { keepEmpty } = parseInput(SendAgendaNowSchema, body ?? {});
    return this.sendAgendaNow.execute({ actor, sessionId: id, keepEmpty, ...withKey(idempotencyKey(key)) });
  }

  @Post('sessions/:id/place')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set where a session takes place and its online-meeting link',
    description:
      'An empty `location` is the table’s own; an empty `onlineMeetingUrl` means no online meeting for this ' +
      'session. The link must be an https URL. A change re-sends the invitations with the next SEQUENCE.',
  })
  @ApiBody({ schema: jsonSchemaOf(SessionPlaceSchema) })
  @IdempotencyKeyHeader()
  async place(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const input = parseInput(SessionPlaceSchema, body);
    await this.setPlace.execute({ actor, sessionId: id, ...input, ...withKey(idempotencyKey(key)) });
  }

  @Post('sessions/:id/cancel')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel a session; its items roll over ahead of new ones' })
  @ApiBody({ schema: jsonSchemaOf(ReasonSchema) })
  @IdempotencyKeyHeader()
  async cancelSession(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { reason } = parseInput(ReasonSchema, body);
    await this.cancelSessionUseCase.execute({
      actor,
      sessionId: id,
      reason,
      ...withKey(idempotencyKey(key)),
    });
  }

  @Post('sessions/:id/move')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Move a session to another date or time' })
  @ApiBody({ schema: jsonSchemaOf(MoveSessionSchema) })
  @IdempotencyKeyHeader()
  async moveSession(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const input = parseInput(MoveSessionSchema, body);
    await this.moveSessionUseCase.execute({
      actor,
      sessionId: id,
      ...input,
      ...withKey(idempotencyKey(key)),
    });
  }

  @Post('sessions/:id/capacity')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change a session’s capacity in minutes' })
  @ApiBody({ schema: jsonSchemaOf(CapacitySchema) })
  @IdempotencyKeyHeader()
  async capacity(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const input = parseInput(CapacitySchema, body);
    await this.changeCapacity.execute({ actor, sessionId: id, ...input, ...withKey(idempotencyKey(key)) });
  }

  @Post('sessions/:id/freeze')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Freeze a session’s agenda now (slot confirmations go out)' })
  @ApiBody({ schema: jsonSchemaOf(ReasonSchema) })
  @IdempotencyKeyHeader()
  async freeze(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { reason } = parseInput(ReasonSchema, body);
    await this.freezeAgenda.execute({ actor, sessionId: id, reason, ...withKey(idempotencyKey(key)) });
  }

  @Post('sessions/:id/unfreeze')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Open a frozen (not yet sent) agenda again' })
  @ApiBody({ schema: jsonSchemaOf(ReasonSchema) })
  @IdempotencyKeyHeader()
  async unfreeze(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { reason } = parseInput(ReasonSchema, body);
    await this.unfreezeAgenda.execute({ actor, sessionId: id, reason, ...withKey(idempotencyKey(key)) });
  }
}
