import { Controller, Get, Header, Inject } from '@nestjs/common';
import {
  DossierTimelineQuery,
  ListDossiersUseCase,
  ListMyToDoUseCase,
  scopedRegion,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, hasRole, Principal } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { Role, ROLE_LABELS } from '@overlegtafels/domain';
import { MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { ViewRenderer } from '../web/view-renderer.service';
import { TO_DO_ROLES } from './te-doen-page.controller';

/** How many of the newest running dossiers the home page shows; the rest are on /dossiers. */
const HOME_DOSSIERS = 10;

/** Who sees dossiers at all: a table member does not (need-to-know), so gets no list. */
const DOSSIER_READERS: readonly Role[] = [
  'coordinator',
  'casusregisseur',
  'aanmelder',
  'strategisch-coordinator',
];

@Controller()
export class HomeController {
  constructor(
    @Inject(ListDossiersUseCase) private readonly listDossiers: ListDossiersUseCase,
    @Inject(ListMyToDoUseCase) private readonly toDo: ListMyToDoUseCase,
    @Inject(DossierTimelineQuery) private readonly timeline: DossierTimelineQuery,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
    @Inject(MAIL_SINK) private readonly sink: MailSink | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The person's own region (the request runs in it): its name heads the page, its tables name the roles. */
  private region(): { name: string; tables: ReadonlyMap<string, string> } {
    const region = scopedRegion(this.config);
    return { name: region.name, tables: new Map(region.tables.map((t) => [t.key, t.name])) };
  }

  @Get()
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async overview(@CurrentPrincipal() principal: Principal, @CurrentRoute() route: string): Promise<string> {
    const readsDossiers = DOSSIER_READERS.some((r) => hasRole(principal, r));
    const listed = readsDossiers
      ? await this.listDossiers.execute(principal, route, { limit: HOME_DOSSIERS })
      : undefined;
    const region = this.region();
    const toDo = TO_DO_ROLES.some((r) => hasRole(principal, r))
      ? await this.toDo.count(principal, route)
      : undefined;
    return this.views.render(
      'home',
      { title: 'Overzicht', principal },
      {
        dossiers: listed && {
          total: listed.total,
          rows: listed.dossiers.map((d) => ({ ...d, phaseLabel: this.timeline.phaseLabel(d.phase) })),
        },
        regionName: region.name,
        roles: principal.grants.map((g) => ({
          label: ROLE_LABELS[g.role as Role] ?? g.role,
          table: g.tableKey ? (region.tables.get(g.tableKey) ?? g.tableKey) : undefined,
        })),
        mailSink: !!this.sink,
        toDo,
      },
    );
  }
}
