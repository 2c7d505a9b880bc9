import type { PreparationVisibility, SessionStatus, TableFunction } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

/** An agendapunt with its session and dossier, as far as its preparation needs them. */
export interface PreparationItemContext {
  readonly itemId: string;
  readonly itemType: string;
  readonly position: number;
  readonly tableKey: string;
  readonly dossierId: string;
  readonly dossierCode: string;
  readonly aanmelderId: string | null;
  readonly session: {
    readonly id: string;
    readonly regionId: string;
    readonly status: SessionStatus;
    readonly scheduledStart: Date;
    readonly startsAt: Date;
    readonly endsAt: Date;
  };
}

/** Someone's seat at a table of the region, with the organisation they sit for. */
export interface TableSeat {
  readonly personId: string;
  readonly function: TableFunction;
  readonly organisationId: string | null;
  readonly organisationName: string | null;
  readonly organisationKind: string | null;
}

/** An organisation with members (function `lid`) at a table, and those members. */
export interface TablePartner {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly organisationKind: string;
  readonly members: readonly {
    readonly personId: string;
    readonly email: string;
    readonly displayName: string;
  }[];
}

/** One organisation's preparation of one item, as stored. */
export interface PreparationRecord {
  readonly id: string;
  readonly agendaItemId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly known: boolean;
  readonly summary: string | null;
  readonly riskSignals: string | null;
  readonly visibility: PreparationVisibility;
  readonly recordedById: string;
  readonly recordedByName: string;
  readonly updatedAt: Date;
}

export interface PreparationWrite {
  readonly agendaItemId: string;
  readonly organisationId: string;
  readonly known: boolean;
  readonly summary: string | null;
  readonly riskSignals: string | null;
  readonly visibility: PreparationVisibility;
  readonly recordedById: string;
  readonly at: Date;
}

/** The partners' preparations of agendapunten (infodeling, guide II.C): one per organisation per item. */
export abstract class ItemPreparationRepository {
  abstract itemContext(itemId: string, tx?: Transaction): Promise<PreparationItemContext | undefined>;
  /** The session's items still on its agenda (placed, rolled over or discussed), by position. */
  abstract sessionItems(sessionId: string): Promise<PreparationItemContext[]>;
  /** The active person's seat at the table of the region, if they hold one. */
  abstract seatOf(
    regionId: string,
    tableKey: string,
    personId: string,
    tx?: Transaction,
  ): Promise<TableSeat | undefined>;
  /** Organisations of the region with active members (`lid`) at the table, by name. */
  abstract partners(regionId: string, tableKey: string, tx?: Transaction): Promise<TablePartner[]>;
  /** The entries of these items, by item and organisation name. */
  abstract entriesOf(itemIds: readonly string[], tx?: Transaction): Promise<PreparationRecord[]>;
  /** Creates the organisation's entry of the item, or changes it; `created` says which. */
  abstract save(tx: Transaction, entry: PreparationWrite): Promise<{ created: boolean }>;
}
