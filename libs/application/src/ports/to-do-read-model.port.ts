import type { SessionStatus } from '@overlegtafels/domain';

/** An agendapunt of a coming session that the person's organisation has not prepared yet. */
export interface PreparationCandidate {
  readonly itemId: string;
  readonly itemType: string;
  readonly tableKey: string;
  readonly dossierCode: string;
  readonly organisationKind: string;
  readonly session: {
    readonly id: string;
    readonly status: SessionStatus;
    readonly scheduledStart: Date;
    readonly startsAt: Date;
    readonly endsAt: Date;
  };
}

/** A session of the region whose verslag is closed. */
export interface ClosedMinutesRow {
  readonly sessionId: string;
  readonly tableKey: string;
  readonly startsAt: Date;
  readonly closedAt: Date;
}

/** An agendapunt of a started session that has no decision yet. */
export interface AwaitingDecisionRow {
  readonly itemId: string;
  readonly itemType: string;
  readonly sessionId: string;
  readonly tableKey: string;
  readonly startsAt: Date;
  readonly dossierCode: string;
}

/** What "Voor mij te doen" reads besides the obligations: ids, codes and dates only. */
export abstract class ToDoReadModel {
  /**
   * Items still to be held on sessions that are not cancelled and not over, of the tables where
   * the person sits as a member (`lid`) for an organisation, which that organisation has not
   * prepared. The preparation window is the use case's to decide.
   */
  abstract preparationCandidates(regionId: string, personId: string, now: Date): Promise<PreparationCandidate[]>;
  /** Sessions that started in [from, until) whose verslag is closed, newest first. */
  abstract closedMinutes(regionId: string, from: Date, until: Date): Promise<ClosedMinutesRow[]>;
  /** Items still to be held on sessions of these tables that started before `now`, without a decision. */
  abstract awaitingDecision(
    regionId: string,
    tableKeys: readonly string[],
    now: Date,
  ): Promise<AwaitingDecisionRow[]>;
}
