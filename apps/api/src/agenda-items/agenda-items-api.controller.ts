import { Body, Controller, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  MoveAgendaItemUseCase,
  MoveItemSchema,
  parseInput,
  ShareAgendaItemUseCase,
  Viewer,
} from '@overlegtafels/application';
import { Roles } from '@overlegtafels/auth';
import { sharedFlag } from '../agenda/shared-flag';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { jsonSchemaOf } from '../openapi/json-schema';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';

/** A coordinator's commands on an agendapunt: its place on the agenda, and sharing its contents. */
@ApiTags('agenda')
@Controller('api')
export class AgendaItemsApiController {
  constructor(
    @Inject(MoveAgendaItemUseCase) private readonly moveAgendaItem: MoveAgendaItemUseCase,
    @Inject(ShareAgendaItemUseCase) private readonly shareItem: ShareAgendaItemUseCase,
  ) {}

  @Post('agenda-items/:id/move')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Move an item up/down, to a position on its agenda (1 to the number of items to be held; 400 on `position` when off it), or to another (also frozen or full) session; reason required',
  })
  @ApiBody({ schema: jsonSchemaOf(MoveItemSchema) })
  @ApiResponse({ status: 204, description: 'Moved; the same Idempotency-Key again moves nothing more' })
  @ApiResponse({
    status: 409,
    description: 'SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body',
  })
  @IdempotencyKeyHeader()
  async moveItem(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const input = parseInput(MoveItemSchema, body);
    await this.moveAgendaItem.execute({ actor, itemId: id, ...input, ...withKey(idempotencyKey(key)) });
  }

  @Post('agenda-items/:id/share')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Share (or stop sharing) an item’s contents with the members of its session' })
  @ApiBody({ schema: { type: 'object', properties: { shared: { type: 'boolean' } }, required: ['shared'] } })
  @ApiResponse({ status: 204, description: 'Set; the same Idempotency-Key again changes nothing more' })
  @ApiResponse({
    status: 409,
    description: 'SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body',
  })
  @IdempotencyKeyHeader()
  async share(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: { shared?: unknown },
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const shared = sharedFlag(body?.shared);
    await this.shareItem.execute({ actor, itemId: id, shared, ...withKey(idempotencyKey(key)) });
  }
}
