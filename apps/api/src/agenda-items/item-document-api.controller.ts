import { Body, Controller, Get, Headers, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InputError, ListItemDocumentsUseCase, ReplaceItemDocumentUseCase } from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';
import { tooLarge, uploadFieldError, UploadRequest } from '../web/upload.middleware';

const refusal = { description: 'Refused: `{ statusCode, code, message, field? }`' };

/** An agendapunt's document versions, and a new version (multipart, through the upload gate). */
@ApiTags('agenda')
@Controller('api/agenda-items')
export class ItemDocumentApiController {
  constructor(
    @Inject(ListItemDocumentsUseCase) private readonly list: ListItemDocumentsUseCase,
    @Inject(ReplaceItemDocumentUseCase) private readonly replace: ReplaceItemDocumentUseCase,
  ) {}

  @Get(':id/documents')
  @Roles('coordinator', 'casusregisseur', 'aanmelder', 'strategisch-coordinator')
  @ApiOperation({
    summary:
      'The versions of an item’s document, newest first (the one readers get), with who uploaded each and when; need-to-know of the dossier',
  })
  @ApiResponse({ status: 404, ...refusal })
  async versions(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    const view = await this.list.execute(principal, route, id);
    return {
      itemId: view.itemId,
      sessionId: view.sessionId,
      dossierCode: view.dossierCode,
      versions: view.versions.map((d) => ({
        id: d.id,
        version: d.version,
        fileName: d.fileName,
        mimeType: d.mimeType,
        sizeBytes: d.sizeBytes,
        sha256: d.sha256,
        uploadedAt: d.uploadedAt.toISOString(),
        uploadedBy: { id: d.uploadedById, name: d.uploadedByName },
        url: `/api/documents/${d.id}`,
      })),
      mayReplace: view.replaceRefusal === null,
      replaceRefusal: view.replaceRefusal,
      tellsTable: view.tellsTable,
    };
  }

  @Post(':id/document')
  @Roles('coordinator', 'casusregisseur', 'aanmelder')
  @IdempotencyKeyHeader()
  @ApiOperation({
    summary:
      'Upload a new version of an item’s document (the old one is kept): its submitter or casusregisseur until the agenda is fixed, a coordinator of the table also after (then the table is told)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        document: { type: 'string', format: 'binary', description: 'PDF, DOCX or ODT, at most 10 MB' },
      },
      required: ['document'],
    },
  })
  @ApiResponse({ status: 201, description: '`{ itemId, sessionId, documentId, version, told }`' })
  @ApiResponse({ status: 200, description: 'A repeated Idempotency-Key: the first answer, `repeated: true`' })
  @ApiResponse({ status: 400, description: 'No file or not a PDF/DOCX/ODT: `{ field: document }`' })
  @ApiResponse({ status: 403, ...refusal })
  @ApiResponse({ status: 404, ...refusal })
  @ApiResponse({
    status: 409,
    description: 'The agenda is fixed (only a coordinator), or the item was discussed',
  })
  @ApiResponse({
    status: 413,
    description: 'The document is over 10 MB: `{ field: document, code: TOO_LARGE }`',
  })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    // Read only so the edge pipe checks it like every API body (control characters, no body).
    @Body() _fields: Record<string, unknown>,
    @Req() req: UploadRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (req.uploadError === 'TOO_LARGE') throw tooLarge();
    if (req.uploadError) throw new InputError([uploadFieldError(req.uploadError)]);
    const result = await this.replace.execute({
      principal,
      route,
      itemId: id,
      ...(req.upload && { document: req.upload }),
      ...withKey(idempotencyKey(key)),
    });
    res.status(result.repeated ? 200 : 201);
    return result;
  }
}
