import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgendaQueries, Viewer } from '@overlegtafels/application';
import { Clock, CLOCK } from '@overlegtafels/config';
import { Roles } from '@overlegtafels/auth';
import { confidentialityNotice } from '@overlegtafels/mail';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { isUuid } from '../web/page-form';
import { agendaDocument, agendaFileName } from './agenda-print';
import { PDF_RESPONSE, sendPdf } from './pdf-response';

/**
 * A session's agenda as PDF, for the page's link and for the API: the same read as the agenda
 * page (need-to-know, audited as `agenda.read` under the route that served it).
 */
@ApiTags('agenda')
@Controller()
export class AgendaPdfController {
  constructor(
    @Inject(AgendaQueries) private readonly queries: AgendaQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('agenda/:sessionId/pdf')
  @Roles('coordinator', 'member')
  @ApiExcludeEndpoint()
  async page(
    @CurrentViewer() viewer: Viewer,
    @Param('sessionId') sessionId: string,
    @Res() res: Response,
  ): Promise<void> {
    if (!isUuid(sessionId)) throw new NotFoundException('Zitting niet gevonden.');
    await this.send(viewer, sessionId, res);
  }

  @Get('api/sessions/:id/agenda.pdf')
  @Roles('coordinator', 'member')
  @ApiOperation({
    summary: 'A session’s agenda as PDF; members get codes, types and times, contents only of shared items',
  })
  @ApiResponse({
    ...PDF_RESPONSE,
    description: 'The PDF, `Content-Disposition: attachment; filename="agenda-<table>-<date>.pdf"`',
  })
  @ApiResponse({ status: 404, description: 'No such session, or not one of the caller’s tables' })
  async api(
    @CurrentViewer() viewer: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(viewer, id, res);
  }

  private async send(viewer: Viewer, sessionId: string, res: Response): Promise<void> {
    const agenda = await this.queries.sessionAgenda(viewer, sessionId);
    await sendPdf(
      res,
      agendaDocument(agenda, confidentialityNotice().document),
      agendaFileName(agenda),
      this.clock.now(),
    );
  }
}
