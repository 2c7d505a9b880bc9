import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { CLOCK, Clock } from '@overlegtafels/config';
import { dutchDate } from '@overlegtafels/mail';
import { RegionRepository } from '../ports/region.repository.port';
import { ObligationReadModel } from '../ports/obligation-read-model.port';
import { ObligationRules } from '../obligations/obligation-rules';
import { obligationView, ObligationView, orderObligations } from '../obligations/obligation-view';
import type { ListDossierObligationsCommand } from './list-dossier-obligations.command';

/** Per dossier, for the timeline: the note of a manual "done" too (the caller checked need-to-know). */
export interface DossierObligationView extends ObligationView {
  fulfilmentNote: string | null;
}

/** The obligations' entries on the dossier timeline (the agenda's DossierTimelineSource). */
export interface ObligationTimelineEntry {
  at: string;
  kind: 'opvolging';
  title: string;
  detail?: string;
  planned: boolean;
}

const FULFILMENT_LABELS: Record<string, string> = {
  'agenda-item': ' door agendering',
  decision: ' door een beslissing',
  event: '',
  manual: ' met een notitie',
};

/**
 * Every obligation of one dossier, done, open and cancelled, by due date: the dossier's follow-up
 * and its share of the dossier timeline. No access check here: the caller has decided
 * need-to-know and writes the audit.
 */
@Injectable()
export class ListDossierObligationsUseCase {
  constructor(
    @Inject(ObligationReadModel) private readonly reads: ObligationReadModel,
    @Inject(RegionRepository) private readonly regions: RegionRepository,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ListDossierObligationsCommand): Promise<DossierObligationView[]> {
    const regionId = await this.regions.idOf(this.rules.region.key);
    const nowMs = this.clock.now().getTime();
    const rows = orderObligations(
      await this.reads.list({ regionId, dossierId: command.dossierId }),
      this.rules,
    );
    return rows.map((r) => ({ ...obligationView(r, this.rules, nowMs), fulfilmentNote: r.fulfilmentNote }));
  }

  /** Every obligation as one entry: planned while open, at its due moment; done ones when done. */
  async timelineFor(dossierId: string): Promise<ObligationTimelineEntry[]> {
    const zone = this.rules.timeZone;
    return (await this.execute({ dossierId })).map((o) => {
      const done = o.status === 'fulfilled' && o.fulfilledAt !== null;
      const detail =
        o.status === 'open'
          ? `${o.optional ? 'Facultatief, u' : 'U'}iterlijk ${o.dueText}${o.overdue ? ' (termijn verstreken)' : ''}`
          : o.status === 'fulfilled'
            ? `Afgerond${FULFILMENT_LABELS[o.fulfilmentKind ?? ''] ?? ''} (termijn ${dutchDate(DateTime.fromISO(o.dueAt, { zone }))})`
            : 'Niet meer van toepassing';
      return {
        at: done
          ? (o.fulfilledAt as string)
          : o.status === 'cancelled' && o.cancelledAt
            ? o.cancelledAt
            : o.dueAt,
        kind: 'opvolging' as const,
        // After a heropening the same rule comes back: say which traject it is of.
        title: o.lifeLabel ? `${o.label} (${o.lifeLabel})` : o.label,
        detail,
        planned: o.status === 'open',
      };
    });
  }
}
