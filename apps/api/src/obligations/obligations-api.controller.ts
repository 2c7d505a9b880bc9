import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpException,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CoordinationOverviewUseCase,
  DUE_PERIODS,
  OBLIGATION_PAGE_MAX,
  OBLIGATION_PAGE_SIZE,
  ListDossierObligationsUseCase,
  ListMyObligationsUseCase,
  MarkObligationDoneUseCase,
  OpenDossierUseCase,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { statusOf } from '../web/error-status';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';
import { noteOf } from './obligation-form';

/** The OpenAPI schema object type, as @nestjs/swagger takes it (its interfaces are not exported). */
type SchemaObject = Extract<
  NonNullable<Extract<Parameters<typeof ApiBody>[0], { schema?: unknown }>['schema']>,
  { type?: unknown }
>;

const obligationSchema: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    dossierCode: { type: 'string', example: 'CO3-2026-0042' },
    ruleKey: { type: 'string', example: 'eerste-plan-van-aanpak' },
    sequence: { type: 'integer' },
    life: {
      type: 'integer',
      minimum: 1,
      description: 'the dossier’s life it belongs to: 1, or 1 + the heropeningen before it',
    },
    lifeLabel: {
      type: 'string',
      nullable: true,
      description: 'for a later life only',
      example: 'tweede traject na heropening',
    },
    label: { type: 'string' },
    optional: { type: 'boolean' },
    status: { type: 'string', enum: ['open', 'fulfilled', 'cancelled'] },
    dueAt: { type: 'string', format: 'date-time', example: '2026-04-27T12:00:00.000+02:00' },
    dueDate: { type: 'string', format: 'date' },
    overdue: { type: 'boolean' },
    sessionKey: { type: 'string', nullable: true, example: 'weegploeg:2026-05-05' },
    manual: { type: 'boolean', description: 'done by hand with a note, not by agendering' },
    agenderingUrl: {
      type: 'string',
      nullable: true,
      example: '/agendering/nieuw?dossier=CO3-2026-0042&tafel=weegploeg&type=plan-van-aanpak',
    },
    fulfilForm: {
      type: 'object',
      nullable: true,
      description: 'the dossier-page form that records what fulfils it (consent, children heard, …)',
      properties: {
        url: { type: 'string', example: '/dossiers/CO3-2026-0042#instemming' },
        label: { type: 'string', example: 'Instemming registreren' },
      },
    },
  },
};

const badInput = {
  description: 'Bad input: `{ statusCode, field, code, message, errors: [{ field, code, message }] }`',
};

/** The query of a paged list of open obligations: every filter optional, together they narrow. */
function ListQueries(coordinators: boolean): MethodDecorator {
  const queries = [
    ApiQuery({
      name: 'code',
      required: false,
      description: 'Part of the dossier code, any case',
      example: '2026-00',
    }),
    ...(coordinators
      ? [
          ApiQuery({
            name: 'casusregisseur',
            required: false,
            description: 'Id of the dossier’s casusregisseur',
          }),
          ApiQuery({
            name: 'organisation',
            required: false,
            description: 'Id of the casusregisseur’s organisation',
          }),
        ]
      : []),
    ApiQuery({
      name: 'kind',
      required: false,
      description: 'A rule key of the region, or `actiepunt` for the action points of a verslag',
      example: 'eerste-plan-van-aanpak',
    }),
    ApiQuery({
      name: 'due',
      required: false,
      enum: [...DUE_PERIODS],
      description: 'Over its term, due in the coming 30 days, or later',
    }),
    ApiQuery({ name: 'after', required: false, description: 'The `next` of the previous page' }),
    ApiQuery({
      name: 'limit',
      required: false,
      description: `1 to ${OBLIGATION_PAGE_MAX}, default ${OBLIGATION_PAGE_SIZE}`,
    }),
    ApiResponse({ status: 400, ...badInput }),
  ];
  return (target, key, descriptor) => {
    for (const q of queries) q(target, key, descriptor);
  };
}

const pageProperties = {
  total: { type: 'integer', description: 'Every open obligation that matches' },
  next: { type: 'string', description: 'The `after` of the next page; absent on the last one' },
} as const;

const refusalSchema: SchemaObject = {
  type: 'object',
  properties: { code: { type: 'string' }, message: { type: 'string' } },
};

/** The follow-up obligations over REST: own list, the manual "done", per dossier, the dashboard. */
@ApiTags('opvolging')
@Controller('api')
export class ObligationsApiController {
  constructor(
    @Inject(ListMyObligationsUseCase) private readonly myObligations: ListMyObligationsUseCase,
    @Inject(MarkObligationDoneUseCase) private readonly markDone: MarkObligationDoneUseCase,
    @Inject(ListDossierObligationsUseCase) private readonly dossierObligations: ListDossierObligationsUseCase,
    @Inject(CoordinationOverviewUseCase) private readonly overview: CoordinationOverviewUseCase,
    @Inject(OpenDossierUseCase) private readonly openDossier: OpenDossierUseCase,
  ) {}

  @Get('opvolging')
  @Roles('casusregisseur', 'coordinator', 'strategisch-coordinator', 'member', 'aanmelder')
  @ApiOperation({
    summary: 'My open follow-up obligations, overdue first, then by due date, a page at a time',
    description:
      'Owned as casusregisseur of the dossier, as coordinator of the table that owns them, or as strategic coordinator (the quality check). ' +
      '`total` counts every open obligation that matches; `next` is the `after` of the next page.',
  })
  @ListQueries(false)
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      properties: { obligations: { type: 'array', items: obligationSchema }, ...pageProperties },
    },
  })
  async mine(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Query() query: Record<string, unknown>,
  ) {
    const page = await this.myObligations.execute(principal, { ...query, route });
    return { obligations: page.obligations, total: page.total, ...(page.next && { next: page.next }) };
  }

  @Post('opvolging/:id/afgerond')
  @HttpCode(200)
  @Roles('casusregisseur', 'coordinator', 'member', 'aanmelder')
  @ApiOperation({
    summary: 'Mark an obligation done, with a note',
    description:
      'The owner, for obligations done by hand (alignment with the consulent, the six-month check); a coordinator of the obligation’s tables, for any obligation.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({
    schema: { type: 'object', required: ['note'], properties: { note: { type: 'string', maxLength: 2000 } } },
  })
  @ApiResponse({
    status: 200,
    schema: { type: 'object', properties: { ok: { type: 'boolean' }, obligationId: { type: 'string' } } },
  })
  @ApiResponse({
    status: 400,
    description: 'FULFILMENT_NOTE_REQUIRED or FULFILMENT_NOTE_TOO_LONG',
    schema: refusalSchema,
  })
  @ApiResponse({ status: 403, description: 'MANUAL_FULFILMENT_NOT_ALLOWED', schema: refusalSchema })
  @ApiResponse({
    status: 404,
    description: 'OBLIGATION_NOT_FOUND (also when it is not yours)',
    schema: refusalSchema,
  })
  @ApiResponse({
    status: 409,
    description:
      'OBLIGATION_NOT_OPEN, or SUBMISSION_KEY_REUSED: the Idempotency-Key again with another note (the same key with the same note answers the first result)',
    schema: refusalSchema,
  })
  @IdempotencyKeyHeader()
  async done(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: { note?: unknown },
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const result = await this.markDone.execute(principal, {
      obligationId: id,
      note: noteOf(body),
      route,
      ...withKey(idempotencyKey(key)),
    });
    if (!result.ok)
      throw new HttpException({ code: result.code, message: result.message }, statusOf(result.kind));
    return { ok: true, obligationId: result.obligationId };
  }

  @Get('opvolging/dossiers/:code')
  @Authenticated()
  @ApiOperation({
    summary: 'Every obligation of one dossier, done, open and cancelled (the dossier timeline)',
    description: 'Need-to-know: the same 404 for an unknown dossier and for one that is not yours.',
  })
  @ApiParam({ name: 'code', example: 'CO3-2026-0042' })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      properties: {
        dossierCode: { type: 'string' },
        obligations: { type: 'array', items: obligationSchema },
      },
    },
  })
  @ApiResponse({ status: 404, description: 'unknown, or not yours' })
  async forDossier(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
  ) {
    const dossier = await this.openDossier.execute({
      principal,
      code,
      action: 'obligation.read',
      route,
    });
    return {
      dossierCode: dossier.code,
      obligations: await this.dossierObligations.execute({ dossierId: dossier.id }),
    };
  }

  @Get('coordinatie/dashboard')
  @Roles('coordinator')
  @ApiOperation({
    summary:
      'Coordinators: overdue obligations counted per casusregisseur and organisation, the open obligations a page at a time, session load per table',
    description:
      '`obligations` is a page of the region’s open obligations, overdue first, then by due date, narrowed by the filters; ' +
      '`overdue` and `upcoming` count every required obligation over its term and every one due in the coming 30 days.',
  })
  @ListQueries(true)
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      properties: {
        now: { type: 'string', format: 'date-time' },
        overdue: { type: 'integer' },
        overdueByCasusregisseur: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              casusregisseurId: { type: 'string', nullable: true },
              name: { type: 'string' },
              organisationId: { type: 'string', nullable: true },
              organisation: { type: 'string' },
              count: { type: 'integer' },
            },
          },
        },
        overdueByOrganisation: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              organisationId: { type: 'string', nullable: true },
              organisation: { type: 'string' },
              count: { type: 'integer' },
            },
          },
        },
        upcoming: { type: 'integer' },
        obligations: {
          type: 'object',
          properties: { rows: { type: 'array', items: obligationSchema }, ...pageProperties },
        },
        tables: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              key: { type: 'string' },
              name: { type: 'string' },
              sessions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    key: { type: 'string' },
                    date: { type: 'string', format: 'date' },
                    status: { type: 'string', enum: ['open', 'cancelled'] as string[] },
                    capacityMinutes: { type: 'integer' },
                    usedMinutes: { type: 'integer' },
                    percent: { type: 'integer' },
                  },
                },
              },
            },
          },
        },
      },
    },
  })
  async dashboard(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Query() query: Record<string, unknown>,
  ) {
    const { obligations, ...dashboard } = await this.overview.execute(principal, { ...query, route });
    const { query: _query, ...list } = obligations;
    return { ...dashboard, obligations: list };
  }
}
