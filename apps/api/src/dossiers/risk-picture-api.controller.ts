import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  OpenDossierUseCase,
  parseInput,
  RecordRiskPictureUseCase,
  RiskPictureQuery,
  RiskPictureUpdateSchema,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { jsonSchemaOf } from '../openapi/json-schema';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';
import { pictureActorOf } from './risk-picture-fields';

/** A dossier's risk picture (annex E's kijkschema) over REST: its versions, a new one. */
@ApiTags('dossiers')
@Controller('api/dossiers')
export class RiskPictureApiController {
  constructor(
    @Inject(OpenDossierUseCase) private readonly openDossier: OpenDossierUseCase,
    @Inject(RecordRiskPictureUseCase) private readonly record: RecordRiskPictureUseCase,
    @Inject(RiskPictureQuery) private readonly query: RiskPictureQuery,
  ) {}

  @Get(':code/risicotaxatie')
  @Authenticated()
  @ApiOperation({
    summary:
      'The risk picture of a dossier: every version, the current one per domain, the comparison with the start',
    description:
      'For the casusregisseur of the dossier and the coordinators (not the aanmelder); the same 404 for anyone else.',
  })
  @ApiParam({ name: 'code', example: 'CO3-2026-0042' })
  @ApiResponse({
    status: 200,
    description: '`{ code, instrumentName, clients, versions, current, comparison }`',
  })
  @ApiResponse({ status: 404, description: 'Not found or not yours (the same answer)' })
  async show(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
  ) {
    const dossier = await this.openDossier.execute({ principal, code, action: 'dossier.read', route });
    const view = await this.query.forDossier(principal, dossier.id, route, true);
    if (!view) throw new NotFoundException('Dossier niet gevonden.');
    return view;
  }

  @Post(':code/risicotaxatie')
  @Roles('casusregisseur', 'coordinator')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a new version of the risk picture',
    description:
      'Each factor kept with `aanwezig` or `niet-gekend`, a motivation (required for `aanwezig`) and the ids of the ' +
      'family members (`clients` of GET) it applies to; a factor left out is struck. Occasion `update` (default), ' +
      '`tussentijdse-evaluatie` or `afronding`; the ICO’s picture comes with its decision.',
  })
  @ApiParam({ name: 'code', example: 'CO3-2026-0042' })
  @ApiBody({ schema: jsonSchemaOf(RiskPictureUpdateSchema) })
  @ApiResponse({
    status: 201,
    description: '`{ id, version }`; the same Idempotency-Key again answers the first version and makes none',
  })
  @ApiResponse({
    status: 400,
    description:
      'Bad input: `{ field, code, message, errors }`, e.g. field `factors.2.factorKey` with `UNKNOWN_FACTOR`, `factors.0.motivation` with `MOTIVATION_REQUIRED`',
  })
  @ApiResponse({ status: 403, description: 'Not the casusregisseur of the dossier nor a coordinator' })
  @ApiResponse({ status: 404, description: 'Not found (or not of this region)' })
  @ApiResponse({
    status: 409,
    description:
      'Not in casusregie, the region has no risk instrument, or SUBMISSION_KEY_REUSED (the Idempotency-Key with another body)',
  })
  @IdempotencyKeyHeader()
  async create(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const dossier = await this.openDossier.execute({ principal, code, action: 'dossier.read', route });
    return this.record.execute({
      actor: pictureActorOf(principal, route),
      dossierId: dossier.id,
      picture: parseInput(RiskPictureUpdateSchema, body),
      ...withKey(idempotencyKey(key)),
    });
  }
}
