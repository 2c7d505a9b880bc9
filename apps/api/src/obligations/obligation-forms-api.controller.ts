import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CompleteQualityCheckUseCase,
  FollowUpReportSchema,
  OpenObligationUseCase,
  parseInput,
  QualityCheckSchema,
  SubmitFollowUpReportUseCase,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { jsonSchemaOf } from '../openapi/json-schema';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';

const notFound = {
  status: 404,
  description: 'OBLIGATION_NOT_FOUND: unknown, or not yours (the same answer)',
};
const notOpen = {
  status: 409,
  description:
    'OBLIGATION_NOT_OPEN: already done or no longer planned; SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body (the same key with the same body answers the first result)',
};

/** One obligation, and the forms that fulfil one, over REST (the API twin of /opvolging/:id). */
@ApiTags('opvolging')
@Controller('api/opvolging')
export class ObligationFormsApiController {
  constructor(
    @Inject(OpenObligationUseCase) private readonly open: OpenObligationUseCase,
    @Inject(SubmitFollowUpReportUseCase) private readonly followUp: SubmitFollowUpReportUseCase,
    @Inject(CompleteQualityCheckUseCase) private readonly qualityCheck: CompleteQualityCheckUseCase,
  ) {}

  @Get(':id')
  @Roles('casusregisseur', 'coordinator', 'strategisch-coordinator', 'member', 'aanmelder')
  @ApiOperation({
    summary: 'One obligation: what is due, how it is fulfilled, its form’s answers once submitted',
    description:
      'For its owner (the dossier’s current casusregisseur, the strategic coordinators) and the coordinators of its tables.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, description: '`{ obligation, actingAs, canFill, canMarkDone, report }`' })
  @ApiResponse(notFound)
  async read(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    return this.open.execute(principal, { obligationId: id, route });
  }

  @Post(':id/vervolghulp')
  @HttpCode(200)
  @Roles('casusregisseur', 'coordinator')
  @ApiOperation({
    summary: 'The six-month report after the afronding: did the follow-up help start, which',
    description:
      'Fulfils `controle-zes-maanden-na-afronding`; the coordinators of the Ronde Tafel get a mail with the code and a link (the answer is on the dossier page).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: jsonSchemaOf(FollowUpReportSchema) })
  @ApiResponse({ status: 200, description: '`{ obligationId, dossierCode, told }`' })
  @ApiResponse({ status: 400, description: 'Bad input: `{ field, code, message, errors }`' })
  @ApiResponse(notFound)
  @ApiResponse(notOpen)
  @ApiResponse({
    status: 422,
    description:
      'FIELD_REQUIRED: started without saying which help (`helpKinds`), or not started without remarks',
  })
  @IdempotencyKeyHeader()
  async submitFollowUp(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.followUp.execute(principal, {
      obligationId: id,
      report: parseInput(FollowUpReportSchema, body),
      ...withKey(idempotencyKey(key)),
      route,
    });
  }

  @Post(':id/kwaliteitscontrole')
  @HttpCode(200)
  @Roles('strategisch-coordinator')
  @ApiOperation({
    summary: 'The strategic coordinators’ last check of a closed dossier: a checklist and remarks',
    description: 'Fulfils `kwaliteitscontrole`. A point not in order needs a remark.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: jsonSchemaOf(QualityCheckSchema) })
  @ApiResponse({ status: 200, description: '`{ obligationId, outcome: "in-orde" | "onduidelijkheden" }`' })
  @ApiResponse({ status: 400, description: 'Bad input: `{ field, code, message, errors }`' })
  @ApiResponse(notFound)
  @ApiResponse(notOpen)
  @ApiResponse({
    status: 422,
    description: 'FIELD_REQUIRED (`remarks`): a point not in order without a remark',
  })
  @IdempotencyKeyHeader()
  async completeQualityCheck(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.qualityCheck.execute(principal, {
      obligationId: id,
      check: parseInput(QualityCheckSchema, body),
      ...withKey(idempotencyKey(key)),
      route,
    });
  }
}
