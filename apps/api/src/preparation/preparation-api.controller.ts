import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ListItemPreparationUseCase,
  ListSessionPreparationUseCase,
  parseInput,
  PreparationSchema,
  RecordPreparationUseCase,
  RemindPreparationSchema,
  RemindPreparationUseCase,
  Viewer,
} from '@overlegtafels/application';
import { Authenticated, Roles } from '@overlegtafels/auth';
import { jsonSchemaOf } from '../openapi/json-schema';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';

const notFound = {
  status: 404,
  description:
    'Unknown, of another region, or not yours to see (the same answer): `{ statusCode, code, message }`',
};
const badInput = {
  status: 400,
  description: 'Bad input: `{ statusCode, field, code, message, errors: [{ field, code, message }] }`',
};

/**
 * The partners' preparation of an item before its session (infodeling, guide II.C), as a REST
 * API: the same use cases, validation and need-to-know as the pages under /voorbereiding.
 */
@ApiTags('voorbereiding')
@Controller('api')
export class PreparationApiController {
  constructor(
    @Inject(RecordPreparationUseCase) private readonly record: RecordPreparationUseCase,
    @Inject(ListItemPreparationUseCase) private readonly list: ListItemPreparationUseCase,
    @Inject(ListSessionPreparationUseCase) private readonly overview: ListSessionPreparationUseCase,
    @Inject(RemindPreparationUseCase) private readonly remind: RemindPreparationUseCase,
  ) {}

  @Get('agenda-items/:id/voorbereiding')
  @Authenticated()
  @ApiOperation({
    summary:
      'An item’s preparation as far as you may see it: all entries for its coordinators and voorzitter; your own organisation’s, and in session the other partners’ `tafel` entries, for a member; never another partner’s for the aanmelder',
  })
  @ApiResponse({ status: 200, description: 'The item, the window, your own entry, the entries you may read' })
  @ApiResponse(notFound)
  read(@CurrentViewer() viewer: Viewer, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.list.execute({ viewer, itemId: id });
  }

  @Put('agenda-items/:id/voorbereiding')
  @Roles('member')
  @ApiOperation({
    summary:
      'Record or change your organisation’s preparation of the item, from the session’s preparation start until it is held',
  })
  @ApiBody({ schema: jsonSchemaOf(PreparationSchema) })
  @ApiResponse({ status: 200, description: '`{ itemId, dossierCode, organisationId, created }`' })
  @ApiResponse(badInput)
  @ApiResponse({
    status: 403,
    description: 'Not a partner at the table (the chair or coordinators do not prepare)',
  })
  @ApiResponse({
    status: 409,
    description:
      'Preparation not started yet, the session is held or cancelled, or SUBMISSION_KEY_REUSED (the Idempotency-Key again with another body)',
  })
  @ApiResponse(notFound)
  @IdempotencyKeyHeader()
  save(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.record.execute({
      actor,
      itemId: id,
      preparation: parseInput(PreparationSchema, body),
      ...withKey(idempotencyKey(key)),
    });
  }

  @Post('agenda-items/:id/voorbereiding/herinnering')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Remind the partners that have not prepared the item (all of them, or `organisationIds`): a mail with the session and the dossier code only',
  })
  @ApiBody({ schema: jsonSchemaOf(RemindPreparationSchema) })
  @ApiResponse({
    status: 200,
    description: '`{ sessionId, dossierCode, reminded: [{ organisationId, organisationName, recipients }] }`',
  })
  @ApiResponse(badInput)
  @ApiResponse({
    status: 409,
    description:
      'The session is held or cancelled, or SUBMISSION_KEY_REUSED (the Idempotency-Key again with another body)',
  })
  @ApiResponse(notFound)
  @IdempotencyKeyHeader()
  sendReminder(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const input = parseInput(RemindPreparationSchema, body ?? {});
    return this.remind.execute({ actor, itemId: id, ...input, ...withKey(idempotencyKey(key)) });
  }

  @Get('sessions/:id/voorbereiding')
  @Roles('coordinator')
  @ApiOperation({
    summary: 'For the coordinators of the table: per item, which partners prepared and which not',
  })
  @ApiResponse({
    status: 200,
    description: '`{ sessionId, tableKey, tableName, sessionStart, items: [...] }`',
  })
  @ApiResponse(notFound)
  sessionOverview(@CurrentViewer() viewer: Viewer, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.overview.execute({ viewer, sessionId: id });
  }
}
