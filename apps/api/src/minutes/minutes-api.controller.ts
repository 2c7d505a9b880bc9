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
  Query,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  AddActionPointSchema,
  AddActionPointUseCase,
  CloseMinutesUseCase,
  ListMinutesArchiveUseCase,
  MinutesArchiveSearchSchema,
  parseInput,
  ReadMinutesUseCase,
  RecordAttendanceSchema,
  RecordAttendanceUseCase,
  ReopenMinutesSchema,
  ReopenMinutesUseCase,
  WriteItemMinutesSchema,
  WriteItemMinutesUseCase,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { jsonSchemaOf } from '../openapi/json-schema';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { KeysetPageQueries } from '../openapi/keyset-page-queries';

const notFound = {
  status: 404,
  description: 'SESSION_NOT_FOUND: unknown, another region’s, or not for you (the same answer)',
};
const forbidden = {
  status: 403,
  description: 'MINUTES_NOT_ALLOWED: not the verslaggever, voorzitter or a coordinator of the table',
};
const conflict = {
  status: 409,
  description:
    'SESSION_NOT_HELD, MINUTES_CLOSED: not before the session, not once the verslag is closed; SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body (with the same one: the first answer)',
};
const badInput = { status: 400, description: 'Bad input: `{ field, code, message, errors }`' };
/** Writers: coordinators and whoever sits at the table (the use case checks the table function). */
const WRITERS = ['coordinator', 'member'] as const;

/** The verslag of a session over REST: the twin of /verslag/:sessionId and /tafels/:key/archief. */
@ApiTags('verslag')
@Controller('api')
export class MinutesApiController {
  constructor(
    @Inject(ReadMinutesUseCase) private readonly read: ReadMinutesUseCase,
    @Inject(RecordAttendanceUseCase) private readonly attendance: RecordAttendanceUseCase,
    @Inject(WriteItemMinutesUseCase) private readonly write: WriteItemMinutesUseCase,
    @Inject(AddActionPointUseCase) private readonly actionPoint: AddActionPointUseCase,
    @Inject(CloseMinutesUseCase) private readonly close: CloseMinutesUseCase,
    @Inject(ReopenMinutesUseCase) private readonly reopen: ReopenMinutesUseCase,
    @Inject(ListMinutesArchiveUseCase) private readonly archive: ListMinutesArchiveUseCase,
  ) {}

  @Get('zittingen/:sessionId/verslag')
  @Authenticated()
  @ApiOperation({
    summary: 'The verslag of a session, cut to the reader',
    description:
      'Coordinators, voorzitter and verslaggever: everything, also while it is written. Once closed: a member the items shared with the session, the casusregisseur their own items, the aanmelder their own item’s decision and action points.',
  })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiResponse({
    status: 200,
    description: '`MinutesView`: attendance, items with scope, text, guests, decision, action points',
  })
  @ApiResponse(notFound)
  async show(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
  ) {
    return this.read.execute(principal, { sessionId, route });
  }

  @Post('zittingen/:sessionId/verslag/aanwezigheid')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Attendance per partner of the table, and which guests of each item came' })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiBody({ schema: jsonSchemaOf(RecordAttendanceSchema) })
  @ApiResponse({ status: 200, description: '`{ recorded }`' })
  @ApiResponse(badInput)
  @ApiResponse(forbidden)
  @ApiResponse(notFound)
  @ApiResponse(conflict)
  @ApiResponse({ status: 422, description: 'UNKNOWN_PARTICIPANT, UNKNOWN_GUEST, ITEM_NOT_FOUND' })
  @IdempotencyKeyHeader()
  async recordAttendance(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.attendance.execute(principal, {
      sessionId,
      ...parseInput(RecordAttendanceSchema, body),
      route,
      ...withKey(idempotencyKey(key)),
    });
  }

  @Post('zittingen/:sessionId/verslag/punten/:itemId')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'The verslag of one agendapunt (replaces the text)' })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiParam({ name: 'itemId', format: 'uuid' })
  @ApiBody({ schema: jsonSchemaOf(WriteItemMinutesSchema) })
  @ApiResponse({ status: 200, description: '`{ itemId }`' })
  @ApiResponse(badInput)
  @ApiResponse(forbidden)
  @ApiResponse(notFound)
  @ApiResponse(conflict)
  @IdempotencyKeyHeader()
  async writeItem(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.write.execute(principal, {
      sessionId,
      itemId,
      ...parseInput(WriteItemMinutesSchema, body),
      route,
      ...withKey(idempotencyKey(key)),
    });
  }

  @Post('zittingen/:sessionId/verslag/punten/:itemId/actiepunten')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({
    summary: 'An action point: who, what, by when; it becomes a follow-up obligation of the dossier',
    description:
      'The owner is a person, or an organisation (then its contact at the table: `ownerPersonId` if given, else the first of its people at the table by name). Reminded before the date, escalated to the table’s coordinators after it; fulfilled by its owner on Mijn opvolging.',
  })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiParam({ name: 'itemId', format: 'uuid' })
  @ApiBody({ schema: jsonSchemaOf(AddActionPointSchema) })
  @ApiResponse({ status: 201, description: '`{ actionPointId, obligationId, ownerPersonId, dueAt }`' })
  @ApiResponse(badInput)
  @ApiResponse(forbidden)
  @ApiResponse(notFound)
  @ApiResponse(conflict)
  @ApiResponse({
    status: 422,
    description: 'DUE_DATE_PAST, OWNER_NOT_AT_TABLE, NO_CONTACT_AT_TABLE (with `field`)',
  })
  @IdempotencyKeyHeader()
  async addActionPoint(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.actionPoint.execute(principal, {
      sessionId,
      itemId,
      ...parseInput(AddActionPointSchema, body),
      route,
      ...withKey(idempotencyKey(key)),
    });
  }

  @Post('zittingen/:sessionId/verslag/afsluiten')
  @HttpCode(200)
  @Roles('coordinator', 'member')
  @ApiOperation({
    summary: 'Close the verslag (voorzitter or coordinator); every participant gets a “verslag klaar” mail',
  })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiResponse({ status: 200, description: '`{ sessionId, told }`' })
  @ApiResponse(forbidden)
  @ApiResponse(notFound)
  @ApiResponse({
    status: 409,
    description:
      'SESSION_NOT_HELD, MINUTES_ALREADY_CLOSED, SUBMISSION_KEY_REUSED (the Idempotency-Key again with another body; with the same one: the first answer)',
  })
  @IdempotencyKeyHeader()
  async closeMinutes(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.close.execute(principal, { sessionId, route, ...withKey(idempotencyKey(key)) });
  }

  @Post('zittingen/:sessionId/verslag/heropenen')
  @HttpCode(200)
  @Roles('coordinator', 'member')
  @ApiOperation({ summary: 'Reopen a closed verslag for a correction, with the reason (audited)' })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiBody({ schema: jsonSchemaOf(ReopenMinutesSchema) })
  @ApiResponse({ status: 200, description: '`{ sessionId }`' })
  @ApiResponse(badInput)
  @ApiResponse(forbidden)
  @ApiResponse(notFound)
  @ApiResponse({
    status: 409,
    description:
      'MINUTES_NOT_CLOSED, SUBMISSION_KEY_REUSED (the Idempotency-Key again with another body; with the same one: the first answer)',
  })
  @IdempotencyKeyHeader()
  async reopenMinutes(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.reopen.execute(principal, {
      sessionId,
      ...parseInput(ReopenMinutesSchema, body),
      route,
      ...withKey(idempotencyKey(key)),
    });
  }

  @Get('tables/:tableKey/archief')
  @Roles('coordinator', 'member')
  @ApiOperation({
    summary: 'A table’s held sessions, by date range and dossier code',
    description:
      'A dossier code search shows only the sessions whose item of that dossier the reader may see.',
  })
  @ApiParam({ name: 'tableKey' })
  @ApiQuery({ name: 'van', required: false, description: 'yyyy-mm-dd' })
  @ApiQuery({ name: 'tot', required: false, description: 'yyyy-mm-dd' })
  @ApiQuery({ name: 'dossier', required: false, description: 'a dossier code' })
  @KeysetPageQueries()
  @ApiResponse({
    status: 200,
    description:
      '`{ tableKey, tableName, from, to, dossierCode, items, total, next, previous }`: fifty sessions a page, newest first',
  })
  @ApiResponse(badInput)
  @ApiResponse({ status: 404, description: 'TABLE_NOT_FOUND' })
  async listArchive(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('tableKey') tableKey: string,
    @Query() query: Record<string, unknown>,
  ) {
    const search = parseInput(MinutesArchiveSearchSchema, query);
    return this.archive.execute(principal, {
      tableKey,
      from: search.van,
      to: search.tot,
      dossierCode: search.dossier,
      after: search.after,
      before: search.before,
      limit: search.limit,
      route,
    });
  }
}
