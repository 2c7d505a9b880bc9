import { Body, Controller, Get, Headers, Inject, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  EditPlanVanAanpakUseCase,
  parseInput,
  PlanSchema,
  ReadPlanVanAanpakUseCase,
  ReadPlanVersionUseCase,
  Viewer,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { jsonSchemaOf } from '../openapi/json-schema';
import { isCoordinator } from '../agenda/viewer';
import { CurrentRoute, CurrentViewer } from '../web/current-viewer.decorator';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';

const notYours = { description: 'Not found or not yours (the same answer)' };

/**
 * The plan van aanpak as a REST API: the casusregisseur's draft (read, replace as a whole), and
 * the version an agenda item brought with what changed since the version that table saw last.
 */
@ApiTags('plan van aanpak')
@Controller('api')
export class PlanVanAanpakApiController {
  constructor(
    @Inject(ReadPlanVanAanpakUseCase) private readonly read: ReadPlanVanAanpakUseCase,
    @Inject(EditPlanVanAanpakUseCase) private readonly edit: EditPlanVanAanpakUseCase,
    @Inject(ReadPlanVersionUseCase) private readonly version: ReadPlanVersionUseCase,
  ) {}

  @Get('dossiers/:code/plan-van-aanpak')
  @Roles('casusregisseur', 'coordinator')
  @ApiOperation({
    summary:
      'The draft of the dossier’s plan van aanpak, with the family, the organisations and the versions',
  })
  @ApiResponse({ status: 404, ...notYours })
  async draft(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
  ) {
    const view = await this.read.execute({ actor: actorOf(principal, route), dossierCode: code });
    const { instrument: _instrument, ...rest } = view;
    return rest;
  }

  @Put('dossiers/:code/plan-van-aanpak')
  @Roles('casusregisseur', 'coordinator')
  @ApiOperation({
    summary: 'Replace the draft: IFG profiles and rows (a row with a known id keeps it; without, it is new)',
  })
  @ApiBody({ schema: jsonSchemaOf(PlanSchema) })
  @ApiResponse({ status: 200, description: '`{ dossierCode, profiles, rows }`' })
  @ApiResponse({ status: 400, description: 'Bad input, per field (`rows.0.factorKey`, `profiles`)' })
  @ApiResponse({ status: 403, description: 'Not the dossier’s casusregisseur' })
  @ApiResponse({ status: 404, ...notYours })
  @ApiResponse({
    status: 409,
    description:
      'The dossier is not in casusregie; or SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body (with the same one: the first answer, its row ids included)',
  })
  @IdempotencyKeyHeader()
  async replace(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.edit.execute({
      actor: actorOf(principal, route),
      dossierCode: code,
      edit: { kind: 'replace', plan: parseInput(PlanSchema, body) },
      ...withKey(idempotencyKey(key)),
    });
  }

  @Get('agenda-items/:id/plan-van-aanpak')
  @Authenticated()
  @ApiOperation({
    summary:
      'The plan version of an agenda item, the changes since the last version its table saw, the agendering answers',
  })
  @ApiResponse({ status: 404, ...notYours })
  async ofItem(@CurrentViewer() viewer: Viewer, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.version.execute({ viewer, agendaItemId: id });
  }
}

export function actorOf(principal: Principal, route: string) {
  return {
    personId: principal.personId,
    regionId: principal.regionId,
    route,
    coordinator: isCoordinator(principal),
  };
}
