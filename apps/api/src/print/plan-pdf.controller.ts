import { Controller, Get, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgendaRefusal, ReadPlanVersionUseCase, Viewer } from '@overlegtafels/application';
import { Clock, CLOCK } from '@overlegtafels/config';
import { Authenticated } from '@overlegtafels/auth';
import { confidentialityNotice } from '@overlegtafels/mail';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { isUuid } from '../web/page-form';
import { PDF_RESPONSE, sendPdf } from './pdf-response';
import { planDocument, planFileName } from './plan-print';

/**
 * The plan van aanpak an agenda item brought, as PDF: the same read as its page
 * (ReadPlanVersionUseCase: need-to-know of the item, audited as `plan-van-aanpak.version.read`).
 */
@ApiTags('plan van aanpak')
@Controller()
export class PlanPdfController {
  constructor(
    @Inject(ReadPlanVersionUseCase) private readonly version: ReadPlanVersionUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('agendapunten/:id/plan-van-aanpak/pdf')
  @Authenticated()
  @ApiExcludeEndpoint()
  async page(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Res() res: Response): Promise<void> {
    if (!isUuid(id))
      throw new AgendaRefusal('AGENDA_ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');
    await this.send(viewer, id, res);
  }

  @Get('api/agenda-items/:id/plan-van-aanpak.pdf')
  @Authenticated()
  @ApiOperation({ summary: 'The plan van aanpak version of an agenda item as PDF, with what changed' })
  @ApiResponse({ ...PDF_RESPONSE, description: 'The PDF, `filename="plan-van-aanpak-<code>-v<n>.pdf"`' })
  @ApiResponse({ status: 404, description: 'No such agenda item, or not one the caller may see' })
  async api(
    @CurrentViewer() viewer: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(viewer, id, res);
  }

  private async send(viewer: Viewer, agendaItemId: string, res: Response): Promise<void> {
    const view = await this.version.execute({ viewer, agendaItemId });
    await sendPdf(
      res,
      planDocument(view, confidentialityNotice().document),
      planFileName(view),
      this.clock.now(),
    );
  }
}
