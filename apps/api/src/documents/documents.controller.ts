import { Controller, Get, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadDocumentUseCase } from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal } from '@overlegtafels/auth';
import { CurrentRoute } from '../web/current-viewer.decorator';

/** Uploaded documents: streamed as the use case hands them out, after its need-to-know check. */
@ApiTags('agenda')
@Controller('api/documents')
export class DocumentsController {
  constructor(@Inject(ReadDocumentUseCase) private readonly readDocument: ReadDocumentUseCase) {}

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Download an uploaded document (need-to-know of its dossier)' })
  async download(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const doc = await this.readDocument.execute(principal, route, { documentId: id });
    res
      .status(200)
      .type(doc.mimeType)
      .setHeader('Content-Disposition', `attachment; filename="${doc.fileName.replace(/[^\w.\- ]/g, '_')}"`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(doc.bytes);
  }
}
