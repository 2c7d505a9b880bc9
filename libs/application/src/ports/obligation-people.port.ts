import type { MailRecipientRow, Transaction } from '@overlegtafels/persistence';

/** Someone a reminder or escalation goes to. */
export type ObligationRecipient = MailRecipientRow;

/** A person's region and the tables they coordinate (null: every table, a region-wide grant). */
export interface ObligationOwnerScope {
  regionId: string;
  coordinatorTables: (string | null)[];
  /** Holds the region's strategisch-coordinator role: owns the quality checks. */
  strategicCoordinator: boolean;
}

/** The people the obligations are about: owners, and the coordinators they escalate to. */
export abstract class ObligationPeople {
  /** An active person; undefined when they left or never existed. */
  abstract activePerson(tx: Transaction, personId: string): Promise<ObligationRecipient | undefined>;
  /** The active coordinators of one table of the region (or of every table), in a stable order. */
  abstract coordinatorsOf(
    tx: Transaction,
    regionId: string,
    tableKey: string,
  ): Promise<ObligationRecipient[]>;
  /** The active strategic coordinators of the region (guide V.D), in a stable order. */
  abstract strategicCoordinatorsOf(tx: Transaction, regionId: string): Promise<ObligationRecipient[]>;
  abstract ownerScopeOf(personId: string): Promise<ObligationOwnerScope | undefined>;
}
