import { Controller, Get, Inject, Query } from '@nestjs/common';
import { z } from 'zod';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ListMyToDoUseCase, parseInput, TO_DO_PAGE_SIZE, ToDoQuerySchema } from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { TO_DO_ROLES } from './te-doen-page.controller';

/** The page's `?pagina=` under the API's English name: an error names `page`. */
const ToDoApiQuerySchema = z.object({ page: ToDoQuerySchema.shape.pagina });

/** One entry of each kind, as the list answers them (fictitious codes and ids). */
const EXAMPLE = {
  entries: [
    {
      kind: 'obligation',
      obligation: {
        id: '3f8e2a1c-5b7d-4e9f-8a6b-1c2d3e4f5a6b',
        dossierCode: 'CO3-2026-0042',
        ruleKey: 'eerste-plan-van-aanpak',
        label: 'Eerste plan van aanpak op de Weegploeg',
        dueAt: '2026-12-08T12:00:00.000+01:00',
        dueDate: '2026-12-08',
        dueText: 'dinsdag 8 december 2026 om 12:00',
        overdue: false,
        pageUrl: '/opvolging/3f8e2a1c-5b7d-4e9f-8a6b-1c2d3e4f5a6b',
      },
    },
    {
      kind: 'preparation',
      itemId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      sessionId: '0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e',
      dossierCode: 'CO3-2026-0043',
      tableName: 'Verkennend casusoverleg (ICO)',
      itemTypeLabel: 'Aanmelding',
      sessionStartsAt: '2026-12-11T09:30:00.000+01:00',
      url: '/voorbereiding/7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    },
    {
      kind: 'verslag',
      sessionId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      tableName: 'Weegploeg',
      sessionStartsAt: '2026-11-24T13:00:00.000+01:00',
      closedAt: '2026-11-25T10:12:00.000+01:00',
      url: '/verslag/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    },
  ],
  total: 3,
  page: 1,
  pages: 1,
  counts: { obligation: 1, preparation: 1, decision: 0, verslag: 1 },
};

/** "Voor mij te doen" over REST: the same list as the page, with the same need-to-know and audit. */
@ApiTags('opvolging')
@Controller('api/te-doen')
export class TeDoenApiController {
  constructor(@Inject(ListMyToDoUseCase) private readonly toDo: ListMyToDoUseCase) {}

  @Get()
  @Roles(...TO_DO_ROLES)
  @ApiOperation({
    summary: 'What I have to do now: obligations due, items to prepare, decisions, verslagen to read',
    description:
      'The list of the page "Voor mij te doen", read-only: my open obligations overdue or due within two ' +
      'weeks (overdue first), the items of coming sessions my organisation has not prepared while the ' +
      'preparation is open, for a coordinator the items of started sessions of their tables that wait for ' +
      'a decision, and the closed verslagen of the last 30 days I may read. Only of my region. ' +
      `${TO_DO_PAGE_SIZE} entries a page; \`total\` counts them all, \`next\` is the \`page\` of the next ` +
      'page (absent on the last). The dossier codes of the page are in the audit log.',
  })
  @ApiQuery({
    name: 'page',
    required: false,
    description: 'From 1; a page past the end is empty',
    example: 1,
  })
  @ApiResponse({
    status: 200,
    description:
      '`{ entries, total, page, pages, counts, next? }`; each entry has a `kind`: `obligation` (with ' +
      'the obligation as on `GET /api/opvolging`), `preparation`, `decision` or `verslag`, and the link ' +
      'of the page where it is done',
    content: { 'application/json': { example: EXAMPLE } },
  })
  @ApiResponse({
    status: 400,
    description: 'Bad input: `{ statusCode, field, code, message, errors }` (field `page`)',
  })
  @ApiResponse({ status: 403, description: 'A role that has nothing to do here (the beheerder)' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Query('page') pageQuery?: string,
  ) {
    const { page } = parseInput(ToDoApiQuerySchema, { page: pageQuery });
    const list = await this.toDo.execute(principal, { route, ...(page !== undefined && { page }) });
    return { ...list, ...(list.page < list.pages && { next: list.page + 1 }) };
  }
}
