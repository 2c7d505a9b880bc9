import {
  Controller,
  Get,
  Header,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  detectDocumentKind,
  InputError,
  ListItemDocumentsUseCase,
  ReplaceItemDocumentUseCase,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, isUuid, noticeFor, PageForms } from '../web/page-form';
import { PageService } from '../web/page.service';
import { formSubmissionKey } from '../web/submission-key';
import { uploadFieldError, UploadRequest } from '../web/upload.middleware';

const NOTICES: Record<string, string> = {
  vervangen:
    'De nieuwe versie is opgeladen: wie de bijlage opent, krijgt nu deze versie. De vorige versies blijven hieronder beschikbaar.',
  verteld:
    'De nieuwe versie is opgeladen. De agenda was al definitief: de leden en coördinatoren van de tafel en de casusregisseur kregen een mail dat er een nieuwe versie is.',
};

/**
 * An agendapunt's document and its versions (issue #15, item 8): who uploaded which version when,
 * each one downloadable by those with need-to-know of the dossier, and the form for a new version
 * for whoever the rule lets (the one who brought the item until the freeze, a coordinator after).
 * The form goes through the upload gate (login, role, CSRF and size before the body).
 */
@ApiExcludeController()
@Controller('agendapunten')
export class ItemDocumentPageController {
  constructor(
    @Inject(ListItemDocumentsUseCase) private readonly list: ListItemDocumentsUseCase,
    @Inject(ReplaceItemDocumentUseCase) private readonly replace: ReplaceItemDocumentUseCase,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get(':itemId/bijlage')
  @Roles('coordinator', 'casusregisseur', 'aanmelder', 'strategisch-coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('itemId') itemId: string,
    @Query('melding') melding?: string,
  ): Promise<string> {
    if (!isUuid(itemId)) throw new NotFoundException('Agendapunt niet gevonden.');
    return this.render(principal, route, itemId, noticeFor(NOTICES, melding));
  }

  @Post(':itemId/bijlage')
  @Roles('coordinator', 'casusregisseur', 'aanmelder')
  async upload(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('itemId') itemId: string,
    @Req() req: UploadRequest,
    @Res() res: Response,
  ): Promise<void> {
    if (!isUuid(itemId)) throw new NotFoundException('Agendapunt niet gevonden.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      if (req.uploadError) throw new InputError([uploadFieldError(req.uploadError)]);
      if (req.upload && !detectDocumentKind(req.upload.bytes)) {
        throw new InputError([
          {
            field: 'document',
            code: 'UNSUPPORTED_TYPE',
            message: 'Enkel PDF-, DOCX- of ODT-bestanden zijn toegelaten.',
          },
        ]);
      }
      const submissionKey = formSubmissionKey(body);
      const result = await this.replace.execute({
        principal,
        route,
        itemId,
        ...(req.upload && { document: req.upload }),
        ...(submissionKey && { submissionKey }),
      });
      // Post/redirect/get: a reload of the answer is a GET and stores nothing.
      res.redirect(
        303,
        `/agendapunten/${itemId}/bijlage?melding=${result.told > 0 ? 'verteld' : 'vervangen'}`,
      );
    } catch (error) {
      const failed = failedForm('bijlage', {}, error);
      const tooLarge = failed.errors.some((e) => e.field === 'document' && e.code === 'TOO_LARGE');
      res
        .status(tooLarge ? 413 : failed.status)
        .type('html')
        .send(await this.render(principal, route, itemId, undefined, failed));
    }
  }

  private async render(
    principal: Principal,
    route: string,
    itemId: string,
    notice?: string,
    failed?: FailedForm,
  ): Promise<string> {
    const view = await this.list.execute(principal, route, itemId);
    return this.pages.render(
      'agendapunt-bijlage',
      { title: `Bijlage bij ${view.dossierCode}`, principal, notice },
      { view, resubmitted: !!failed },
      new PageForms(failed),
    );
  }
}
