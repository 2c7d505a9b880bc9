import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { PersonDirectory } from '../ports/person-directory.port';
import { ObligationReadModel } from '../ports/obligation-read-model.port';
import { ObligationRules } from '../obligations/obligation-rules';
import { orderObligations } from '../obligations/obligation-view';
import type { ListObligationDueDatesCommand, ObligationDueDate } from './list-obligation-due-dates.command';

/**
 * The open obligations a person owns (as casusregisseur, or as coordinator of the owning table),
 * with their local due dates: what the person's calendar feed adds. Nothing for a person who
 * left.
 */
@Injectable()
export class ListObligationDueDatesUseCase {
  constructor(
    @Inject(ObligationReadModel) private readonly reads: ObligationReadModel,
    @Inject(PersonDirectory) private readonly people: Pick<PersonDirectory, 'ownerScopeOf'>,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
  ) {}

  async execute(command: ListObligationDueDatesCommand): Promise<ObligationDueDate[]> {
    const scope = await this.people.ownerScopeOf(command.personId);
    if (!scope) return [];
    const all = this.rules.region.tables.map((t) => t.key);
    const coordinatorTables = scope.coordinatorTables.flatMap((t) => (t === null ? all : [t]));
    const rows = await this.reads.list({
      regionId: scope.regionId,
      status: 'open',
      ownedBy: {
        personId: command.personId,
        coordinatorTables,
        strategicCoordinator: scope.strategicCoordinator,
      },
    });
    const zone = this.rules.timeZone;
    return orderObligations(rows, this.rules).map((r) => ({
      id: r.id,
      dossierId: r.dossierId,
      dossierCode: r.dossierCode,
      date: DateTime.fromJSDate(r.dueAt, { zone }).toISODate() as string,
    }));
  }
}
