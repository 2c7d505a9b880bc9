import { Body, Controller, Get, Header, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiExcludeEndpoint, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReopenDossierSchema, ReopenDossierUseCase } from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { jsonSchemaOf } from '../openapi/json-schema';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, PageForms, pick } from '../web/page-form';
import { PageService } from '../web/page.service';
import {
  formSubmissionKey,
  IdempotencyKeyHeader,
  idempotencyKey,
  newSubmissionKey,
  withKey,
} from '../web/submission-key';

const FORM = 'heropening';

/**
 * The heropening of a closed dossier after new incidents (issue #14), where the region's dossier
 * life declares it: over REST and as a page form, for the coordinators of the region. A region
 * without heropening answers with its Dutch refusal.
 */
@ApiTags('dossiers')
@Controller()
export class DossierReopeningController {
  constructor(
    @Inject(ReopenDossierUseCase) private readonly reopen: ReopenDossierUseCase,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Post('api/dossiers/:code/heropening')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen a closed dossier after new incidents, keeping its history',
    description:
      'Only where the region’s dossier life declares a heropening (Oost-Vlaanderen) and only from the ' +
      'phases it names (afgesloten). The dossier goes back to the intake phase with a fresh state (no ' +
      'casusregisseur, casusregie, consent, afronding or afsluiting); its decisions, agendapunten and ' +
      'follow-up stay in its history, the heropening is added to it, and the obligations are re-planned.',
  })
  @ApiParam({ name: 'code', example: 'VHOV-2026-0007' })
  @ApiBody({ schema: jsonSchemaOf(ReopenDossierSchema) })
  @IdempotencyKeyHeader()
  @ApiResponse({
    status: 200,
    description: '`{ code, phase, reopeningId }`: the phase it went back to (the intake phase)',
    content: {
      'application/json': {
        example: { code: 'VHOV-2026-0007', reopeningId: '00000000-0000-4000-8000-000000000000' },
      },
    },
  })
  @ApiResponse({ status: 400, description: 'Bad input: `{ field, code, message, errors }` (field `reason`)' })
  @ApiResponse({ status: 403, description: 'Not a coordinator' })
  @ApiResponse({ status: 404, description: 'Not found or of another region (the same answer)' })
  @ApiResponse({
    status: 409,
    description:
      '`REOPENING_NOT_IN_REGION` (the region keeps a closed dossier closed) or `REOPENING_NOT_ALLOWED`',
  })
  async api(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.reopen.execute({
      actor: actorOf(principal, route),
      code,
      body,
      ...withKey(idempotencyKey(key)),
    });
  }

  @Get('dossiers/:code/heropenen')
  @Roles('coordinator')
  @ApiExcludeEndpoint()
  @Header('Cache-Control', 'no-store')
  async page(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
  ): Promise<string> {
    // The dossier of the coordinator's region only: another region's code is a 404, audited.
    const found = await this.reopen.form(actorOf(principal, route), code);
    // One key per form: sent twice (a double click, a reload), it is one heropening.
    return this.render(principal, found.code, undefined, newSubmissionKey());
  }

  @Post('dossiers/:code/heropenen')
  @Roles('coordinator')
  @ApiExcludeEndpoint()
  async submit(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['reason', 'submissionKey']);
    try {
      const done = await this.reopen.execute({
        actor: actorOf(principal, route),
        code,
        body: { reason: values.reason },
        ...withKey(formSubmissionKey(body)),
      });
      res.redirect(303, `/dossiers/${encodeURIComponent(done.code)}?melding=heropend`);
    } catch (error) {
      const failed = failedForm(FORM, values, error);
      res
        .status(failed.status)
        .type('html')
        .send(this.render(principal, code, failed));
    }
  }

  private render(principal: Principal, code: string, failed?: FailedForm, submissionKey?: string): string {
    return this.pages.render(
      'dossier-heropenen',
      { title: `Dossier ${code} heropenen`, principal },
      { code, reopens: this.reopen.reopensFrom().length > 0, submissionKey },
      new PageForms(failed),
    );
  }
}

function actorOf(principal: Principal, route: string) {
  return { personId: principal.personId, regionId: principal.regionId, route };
}
