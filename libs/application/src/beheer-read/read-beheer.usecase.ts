import { Inject, Injectable } from '@nestjs/common';
import { AgendaRefusal } from '../errors';
import { BeheerActor, BeheerChange } from '../beheer/beheer-change';
import {
  BeheerDirectory,
  BeheerOrganisationRow,
  BeheerPersonRow,
  ClosedPeriodRow,
  TableSeatRow,
} from '../ports/beheer-directory.port';
import { TableCalendarService } from '../table-calendar/table-calendar.service';

export interface BeheerTable {
  readonly key: string;
  readonly name: string;
  /** Active people seated as standing participants: they receive every agenda. */
  readonly standing: number;
  readonly seats: number;
}

/**
 * What the beheer pages and API show: the region's people, organisations, tables with their
 * seats, and closed periods. People and organisations only: no dossier, agenda item, document or
 * obligation is read here.
 */
@Injectable()
export class ReadBeheerUseCase {
  constructor(
    @Inject(BeheerDirectory) private readonly directory: BeheerDirectory,
    @Inject(BeheerChange) private readonly change: BeheerChange,
    @Inject(TableCalendarService) private readonly calendar: Pick<TableCalendarService, 'region'>,
  ) {}

  people(actor: BeheerActor): Promise<BeheerPersonRow[]> {
    return this.directory.people(actor.regionId);
  }

  person(actor: BeheerActor, personId: string): Promise<BeheerPersonRow> {
    return this.change.person(actor, personId, 'beheer.person.read');
  }

  organisations(actor: BeheerActor): Promise<BeheerOrganisationRow[]> {
    return this.directory.organisations(actor.regionId);
  }

  organisation(actor: BeheerActor, organisationId: string): Promise<BeheerOrganisationRow> {
    return this.change.organisation(actor, organisationId, 'beheer.organisation.read');
  }

  /** The region's tables, in the configuration's order. */
  tableList(): { key: string; name: string }[] {
    return this.calendar.region.tables.map((t) => ({ key: t.key, name: t.name }));
  }

  async tables(actor: BeheerActor): Promise<BeheerTable[]> {
    return Promise.all(
      this.tableList().map(async (t) => {
        const seats = await this.directory.tableSeats(actor.regionId, t.key);
        return { ...t, seats: seats.length, standing: seats.filter((s) => s.standing && s.active).length };
      }),
    );
  }

  /** A table's seats, the standing participants first; an unknown table is "not found". */
  async table(
    actor: BeheerActor,
    tableKey: string,
  ): Promise<{ key: string; name: string; seats: TableSeatRow[] }> {
    const table = this.tableList().find((t) => t.key === tableKey);
    if (!table) throw new AgendaRefusal('UNKNOWN_TABLE', 'Tafel niet gevonden.', undefined, 'not_found');
    const seats = await this.directory.tableSeats(actor.regionId, table.key);
    return { ...table, seats };
  }

  closedPeriods(actor: BeheerActor): Promise<ClosedPeriodRow[]> {
    return this.directory.closedPeriods(actor.regionId);
  }
}
