import type { Transaction } from './unit-of-work.port';

/** A dossier by id and code: all a handover names of it. */
export interface HandoverDossier {
  readonly id: string;
  readonly code: string;
}

/** An open obligation a person owns by name, with what decides where it goes. */
export interface OwnedObligation {
  readonly id: string;
  readonly dossierId: string;
  readonly dossierCode: string;
  readonly ruleKey: string;
  readonly tableKey: string | null;
}

/**
 * What a person's leaving hands over, as the handover reads it in the deactivation's transaction:
 * the dossiers they direct and the open obligations on their name, of their region only; and the
 * mark on those dossiers that their casusregisseur left (until a new one is appointed).
 */
export abstract class CasusregieHandoverReads {
  /** The region's dossiers in one of these phases whose casusregisseur is the person, by code. */
  abstract dossiersDirectedBy(
    tx: Transaction,
    regionId: string,
    personId: string,
    phases: readonly string[],
  ): Promise<HandoverDossier[]>;
  /**
   * Marks the dossiers' casusregisseur as left: the re-plan gives their tasks to the coordinators,
   * also once the person is activated again, until the change of casusregisseur clears the mark.
   */
  abstract markCasusregisseurLeft(tx: Transaction, dossierIds: readonly string[], at: Date): Promise<void>;
  /** The open obligations of the region's dossiers owned by the person, in a stable order. */
  abstract openObligationsOwnedBy(
    tx: Transaction,
    regionId: string,
    personId: string,
  ): Promise<OwnedObligation[]>;
}
