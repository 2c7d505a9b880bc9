import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadMinutesUseCase } from '@overlegtafels/application';
import { Clock, CLOCK } from '@overlegtafels/config';
import { Authenticated, CurrentPrincipal, Principal } from '@overlegtafels/auth';
import { confidentialityNotice } from '@overlegtafels/mail';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { isUuid } from '../web/page-form';
import { minutesDocument, minutesFileName } from './minutes-print';
import { PDF_RESPONSE, sendPdf } from './pdf-response';

/**
 * The verslag of a session as PDF, for the verslag page's link and for the API: the reader's
 * MinutesView, the same read as the page (need-to-know, audited as `minutes.read`).
 */
@ApiTags('verslag')
@Controller()
export class MinutesPdfController {
  constructor(
    @Inject(ReadMinutesUseCase) private readonly minutes: ReadMinutesUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('verslag/:sessionId/pdf')
  @Authenticated()
  @ApiExcludeEndpoint()
  async page(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Res() res: Response,
  ): Promise<void> {
    if (!isUuid(sessionId)) throw new NotFoundException('Zitting niet gevonden.');
    await this.send(principal, route, sessionId, res);
  }

  @Get('api/zittingen/:sessionId/verslag.pdf')
  @Authenticated()
  @ApiOperation({ summary: 'The verslag of a session as PDF, with what the reader may see of each item' })
  @ApiResponse({ ...PDF_RESPONSE, description: 'The PDF, `filename="verslag-<table>-<date>.pdf"`' })
  @ApiResponse({ status: 404, description: 'No such session, or no verslag the caller may read' })
  async api(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(principal, route, sessionId, res);
  }

  private async send(principal: Principal, route: string, sessionId: string, res: Response): Promise<void> {
    const view = await this.minutes.minutesView(sessionId, principal, route);
    await sendPdf(
      res,
      minutesDocument(view, confidentialityNotice().document),
      minutesFileName(view),
      this.clock.now(),
    );
  }
}
