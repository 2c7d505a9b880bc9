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
  Res,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AddPersonSchema,
  BeheerAddOrganisationUseCase,
  BeheerAddPersonUseCase,
  BeheerClosePeriodUseCase,
  BeheerEditOrganisationUseCase,
  BeheerEditPersonUseCase,
  BeheerReasonSchema,
  BeheerRemoveMembershipUseCase,
  BeheerSetMembershipUseCase,
  BeheerSetOrganisationActiveUseCase,
  BeheerSetPersonActiveUseCase,
  BeheerSetPersonRolesUseCase,
  ClosePeriodSchema,
  MembershipSchema,
  OrganisationSchema,
  parseInput,
  PersonDetailsSchema,
  ReadBeheerUseCase,
  RolesSchema,
  Viewer,
} from '@overlegtafels/application';
import { Roles } from '@overlegtafels/auth';
import { jsonSchemaOf } from '../openapi/json-schema';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';

const notFound = {
  status: 404,
  description: 'Unknown, or of another region (the same answer): `{ statusCode, code, message }`',
};
const badInput = {
  status: 400,
  description: 'Bad input: `{ statusCode, field, code, message, errors: [{ field, code, message }] }`',
};
const changed = { status: 204, description: 'Changed, and audited with the reason' };

/**
 * The beheerder's API for their region (issue #14): people, organisations, roles, table seats and
 * closed periods, with the same use cases, validation and audit as the pages under /beheer. Every
 * change takes a `reason`, kept in the audit log. No dossier data is read or shown here.
 */
@ApiTags('beheer')
@Controller('api/beheer')
export class BeheerApiController {
  constructor(
    @Inject(ReadBeheerUseCase) private readonly read: ReadBeheerUseCase,
    @Inject(BeheerAddPersonUseCase) private readonly addPerson: BeheerAddPersonUseCase,
    @Inject(BeheerEditPersonUseCase) private readonly editPerson: BeheerEditPersonUseCase,
    @Inject(BeheerSetPersonRolesUseCase) private readonly setRoles: BeheerSetPersonRolesUseCase,
    @Inject(BeheerSetPersonActiveUseCase) private readonly setActive: BeheerSetPersonActiveUseCase,
    @Inject(BeheerSetMembershipUseCase) private readonly setMembership: BeheerSetMembershipUseCase,
    @Inject(BeheerRemoveMembershipUseCase) private readonly removeMembership: BeheerRemoveMembershipUseCase,
    @Inject(BeheerAddOrganisationUseCase) private readonly addOrganisation: BeheerAddOrganisationUseCase,
    @Inject(BeheerEditOrganisationUseCase) private readonly editOrganisation: BeheerEditOrganisationUseCase,
    @Inject(BeheerSetOrganisationActiveUseCase)
    private readonly setOrganisationActive: BeheerSetOrganisationActiveUseCase,
    @Inject(BeheerClosePeriodUseCase) private readonly closePeriod: BeheerClosePeriodUseCase,
  ) {}

  @Get('personen')
  @Roles('admin')
  @ApiOperation({ summary: 'The people of your region, with their organisation, roles and table seats' })
  async people(@CurrentViewer() actor: Viewer) {
    return { people: await this.read.people(actor) };
  }

  @Post('personen')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a person to your region, with their organisation and roles' })
  @ApiBody({ schema: jsonSchemaOf(AddPersonSchema) })
  @IdempotencyKeyHeader()
  @ApiResponse({ status: 201, description: '`{ personId, repeated: false }`' })
  @ApiResponse({
    status: 200,
    description: 'A repeated Idempotency-Key: the first `{ personId, repeated: true }`',
  })
  @ApiResponse(badInput)
  async add(
    @CurrentViewer() actor: Viewer,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const input = parseInput(AddPersonSchema, body);
    const result = await this.addPerson.execute({ actor, ...input, ...withKey(idempotencyKey(key)) });
    if (result.repeated) res.status(200);
    return result;
  }

  @Get('personen/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'One person of your region' })
  @ApiResponse(notFound)
  person(@CurrentViewer() actor: Viewer, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.read.person(actor, id);
  }

  @Post('personen/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Correct a person’s name, address and organisation' })
  @ApiBody({ schema: jsonSchemaOf(PersonDetailsSchema) })
  @IdempotencyKeyHeader()
  @ApiResponse(changed)
  @ApiResponse(badInput)
  @ApiResponse(notFound)
  async edit(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const input = parseInput(PersonDetailsSchema, body);
    await this.editPerson.execute({ actor, personId: id, ...input, ...withKey(idempotencyKey(key)) });
  }

  @Post('personen/:id/rollen')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a person’s roles (the `member` role comes with a table seat, not from here)',
  })
  @ApiBody({ schema: jsonSchemaOf(RolesSchema) })
  @IdempotencyKeyHeader()
  @ApiResponse(changed)
  @ApiResponse(badInput)
  @ApiResponse(notFound)
  async roles(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const input = parseInput(RolesSchema, body);
    await this.setRoles.execute({ actor, personId: id, ...input, ...withKey(idempotencyKey(key)) });
  }

  @Post('personen/:id/deactiveren')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Deactivate a person: their sessions, calendar feed and login links end at once; the open dossiers they direct and their open tasks go to the coordinators',
  })
  @ApiBody({ schema: jsonSchemaOf(BeheerReasonSchema) })
  @ApiResponse({
    status: 200,
    description:
      'Deactivated, and audited with the reason: `{ personId, active: false, handedOver: { dossiers, obligations, actionPoints }, repeated }` — counts only. Activating again takes nothing back.',
  })
  @ApiResponse(badInput)
  @ApiResponse(notFound)
  @IdempotencyKeyHeader()
  async deactivate(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { reason } = parseInput(BeheerReasonSchema, body);
    return this.setActive.execute({
      actor,
      personId: id,
      active: false,
      reason,
      ...withKey(idempotencyKey(key)),
    });
  }

  @Post('personen/:id/activeren')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Activate a person again' })
  @ApiBody({ schema: jsonSchemaOf(BeheerReasonSchema) })
  @ApiResponse(changed)
  @ApiResponse(badInput)
  @ApiResponse(notFound)
  @IdempotencyKeyHeader()
  async activate(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { reason } = parseInput(BeheerReasonSchema, body);
    await this.setActive.execute({
      actor,
      personId: id,
      active: true,
      reason,
      ...withKey(idempotencyKey(key)),
    });
  }

  @Post('personen/:id/tafels')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Seat a person at a table (function, standing participant), or change the seat' })
  @ApiBody({ schema: jsonSchemaOf(MembershipSchema) })
  @IdempotencyKeyHeader()
  @ApiResponse(changed)
  @ApiResponse(badInput)
  @ApiResponse(notFound)
  async seat(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const input = parseInput(MembershipSchema, body);
    await this.setMembership.execute({ actor, personId: id, ...input, ...withKey(idempotencyKey(key)) });
  }

  @Post('personen/:id/tafels/:key/verwijderen')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'End a person’s seat at a table' })
  @ApiBody({ schema: jsonSchemaOf(BeheerReasonSchema) })
  @IdempotencyKeyHeader()
  @ApiResponse(changed)
  @ApiResponse(badInput)
  @ApiResponse(notFound)
  async unseat(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('key') tableKey: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { reason } = parseInput(BeheerReasonSchema, body);
    const once = withKey(idempotencyKey(key));
    await this.removeMembership.execute({ actor, personId: id, tableKey, reason, ...once });
  }

  @Get('organisaties')
  @Roles('admin')
  @ApiOperation({ summary: 'The organisations of your region' })
  async organisations(@CurrentViewer() actor: Viewer) {
    return { organisations: await this.read.organisations(actor) };
  }

  @Post('organisaties')
  @Roles('admin')
  @ApiOperation({ summary: 'Add an organisation of one of the domain’s kinds' })
  @ApiBody({ schema: jsonSchemaOf(OrganisationSchema) })
  @IdempotencyKeyHeader()
  @ApiResponse({ status: 201, description: '`{ organisationId, repeated: false }`' })
  @ApiResponse({ status: 200, description: 'A repeated Idempotency-Key: the first answer, `repeated: true`' })
  @ApiResponse(badInput)
  async addOrganisationRoute(
    @CurrentViewer() actor: Viewer,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const input = parseInput(OrganisationSchema, body);
    const result = await this.addOrganisation.execute({ actor, ...input, ...withKey(idempotencyKey(key)) });
    if (result.repeated) res.status(200);
    return result;
  }

  @Post('organisaties/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Correct an organisation’s name, kind and contact address' })
  @ApiBody({ schema: jsonSchemaOf(OrganisationSchema) })
  @IdempotencyKeyHeader()
  @ApiResponse(changed)
  @ApiResponse(badInput)
  @ApiResponse(notFound)
  async editOrganisationRoute(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const input = parseInput(OrganisationSchema, body);
    await this.editOrganisation.execute({
      actor,
      organisationId: id,
      ...input,
      ...withKey(idempotencyKey(key)),
    });
  }

  @Post('organisaties/:id/deactiveren')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate an organisation (no longer offered)' })
  @ApiBody({ schema: jsonSchemaOf(BeheerReasonSchema) })
  @IdempotencyKeyHeader()
  @ApiResponse(changed)
  @ApiResponse(notFound)
  async deactivateOrganisation(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { reason } = parseInput(BeheerReasonSchema, body);
    const once = withKey(idempotencyKey(key));
    await this.setOrganisationActive.execute({ actor, organisationId: id, active: false, reason, ...once });
  }

  @Post('organisaties/:id/activeren')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Activate an organisation again' })
  @ApiBody({ schema: jsonSchemaOf(BeheerReasonSchema) })
  @IdempotencyKeyHeader()
  @ApiResponse(changed)
  @ApiResponse(notFound)
  async activateOrganisation(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { reason } = parseInput(BeheerReasonSchema, body);
    const once = withKey(idempotencyKey(key));
    await this.setOrganisationActive.execute({ actor, organisationId: id, active: true, reason, ...once });
  }

  @Get('tafels')
  @Roles('admin')
  @ApiOperation({ summary: 'The region’s tables with how many people sit at each, and how many for good' })
  async tables(@CurrentViewer() actor: Viewer) {
    return { tables: await this.read.tables(actor) };
  }

  @Get('tafels/:key')
  @Roles('admin')
  @ApiOperation({ summary: 'A table’s seats: its standing participants first, with their function' })
  @ApiResponse(notFound)
  table(@CurrentViewer() actor: Viewer, @Param('key') key: string) {
    return this.read.table(actor, key);
  }

  @Get('gesloten-periodes')
  @Roles('admin')
  @ApiOperation({ summary: 'The region’s closed periods, for all tables or one' })
  async closedPeriods(@CurrentViewer() actor: Viewer) {
    return { closedPeriods: await this.read.closedPeriods(actor) };
  }

  @Post('gesloten-periodes')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Close a period for all tables of the region or one: its sessions are cancelled' })
  @ApiBody({ schema: jsonSchemaOf(ClosePeriodSchema) })
  @IdempotencyKeyHeader()
  @ApiResponse(changed)
  @ApiResponse(badInput)
  async close(
    @CurrentViewer() actor: Viewer,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const input = parseInput(ClosePeriodSchema, body);
    await this.closePeriod.execute({ actor, ...input, ...withKey(idempotencyKey(key)) });
  }
}
