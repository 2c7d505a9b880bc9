import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CoordinationOverviewUseCase } from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { ViewRenderer } from '../web/view-renderer.service';
import { OPVOLGING_NOTICES } from './opvolging-page.controller';
import { sessionIs } from '../pages/page.service';

/**
 * The coordinators' dashboard: what is overdue, per casusregisseur and per organisation; what is
 * due in the next 30 days; how full the coming sessions of each table are.
 */
@ApiExcludeController()
@Controller('coordinatie')
export class CoordinatiePageController {
  constructor(
    @Inject(CoordinationOverviewUseCase) private readonly overview: CoordinationOverviewUseCase,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Roles('coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(@CurrentPrincipal() principal: Principal, @Query('melding') melding?: string): Promise<string> {
    const dashboard = await this.overview.execute(principal, { route: 'GET /coordinatie' });
    const overdue = dashboard.overdueByCasusregisseur.reduce((n, g) => n + g.obligations.length, 0);
    return this.views.render(
      'coordinatie',
      {
        title: 'Coördinatie',
        principal,
        notice: melding && Object.hasOwn(OPVOLGING_NOTICES, melding) ? OPVOLGING_NOTICES[melding] : undefined,
      },
      { dashboard, overdue, back: 'coordinatie', sessionIs },
    );
  }
}
