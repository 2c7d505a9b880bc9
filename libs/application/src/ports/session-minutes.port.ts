import type { AttendanceStatus, TableFunction } from '@overlegtafels/domain';
import type { KeysetPage, PageRequest } from './keyset-page.port';
import type { Transaction } from './unit-of-work.port';

/** The verslag's own state: open (never closed, or reopened) or closed. */
export interface MinutesState {
  readonly closedAt: Date | null;
  readonly closedById: string | null;
  readonly reopenedAt: Date | null;
  readonly reopenReason: string | null;
  /** How often it was closed (1 after the first closing). */
  readonly closings: number;
}

/** A session as the verslag needs it. */
export interface MinutesSession {
  readonly id: string;
  readonly regionId: string;
  readonly tableKey: string;
  readonly status: string;
  readonly startsAt: Date;
  readonly minutes: MinutesState | null;
}

/** Someone invited for one item (the aanmelder's part, a consulent, an expert). */
export interface MinutesGuest {
  readonly id: string;
  readonly kind: string;
  /** The person's name, or the name given with an address; null when only an address is known. */
  readonly name: string | null;
  /** The guest's address (their account's, or the one given): matches their slot invitation's answer. */
  readonly email?: string | null;
}

export interface ActionPointRecord {
  readonly id: string;
  readonly agendaItemId: string;
  readonly what: string;
  readonly ownerPersonId: string;
  readonly ownerName: string;
  readonly ownerOrganisationId: string | null;
  readonly ownerOrganisationName: string | null;
  /** yyyy-mm-dd (stored as a DATE, UTC midnight). */
  readonly dueDate: Date;
  readonly obligationId: string;
  readonly obligationStatus: 'open' | 'fulfilled' | 'cancelled';
  readonly fulfilledAt: Date | null;
  readonly fulfilmentNote: string | null;
}

/** One agendapunt of the session, with what the verslag holds about it. */
export interface MinutesItem {
  readonly id: string;
  readonly position: number;
  readonly status: string;
  readonly itemType: string;
  readonly dossierId: string;
  readonly dossierCode: string;
  readonly casusregisseurId: string | null;
  readonly aanmelderId: string;
  readonly sharedWithSession: boolean;
  readonly guests: readonly MinutesGuest[];
  readonly decision: { readonly kind: string; readonly decidedAt: Date } | null;
  readonly text: string | null;
  readonly guestsPresent: readonly string[];
  readonly actionPoints: readonly ActionPointRecord[];
}

export interface AttendanceEntry {
  /** An organisation kind of the table's definition. */
  readonly participant: string;
  readonly status: AttendanceStatus;
}

/** A person who may own an action point: someone at the table or with the item's dossier. */
export interface ActionOwnerCandidate {
  readonly personId: string;
  readonly displayName: string;
  readonly organisationId: string | null;
  readonly organisationName: string | null;
}

export interface NewActionPoint {
  readonly id: string;
  readonly agendaItemId: string;
  readonly what: string;
  readonly ownerPersonId: string;
  readonly ownerOrganisationId: string | null;
  /** A calendar date (UTC midnight). */
  readonly dueDate: Date;
  readonly obligationId: string;
  readonly createdById: string;
  readonly createdAt: Date;
}

/** Who hears that the verslag is ready. */
export interface MinutesRecipient {
  readonly personId: string;
  readonly email: string;
  readonly displayName: string;
}

/** A held session in a table's archive, with its items' facts for need-to-know. */
export interface ArchivedSession {
  readonly id: string;
  readonly startsAt: Date;
  readonly minutesClosed: boolean;
  readonly items: readonly Pick<
    MinutesItem,
    'id' | 'dossierCode' | 'casusregisseurId' | 'aanmelderId' | 'sharedWithSession'
  >[];
}

/**
 * Who searches a table's archive, for its dossier-code search: a session is found by a code only
 * when the reader may read that dossier's item in its verslag (its writers always; others once it
 * is closed, their own items, and as member the shared ones).
 */
export interface ArchiveSearch {
  readonly dossierCode?: string;
  readonly reader: { readonly personId: string; readonly writer: boolean; readonly member: boolean };
}

/** An action point or verslag of one of a dossier's items, for the dossier page. */
export interface DossierMinutesEntry {
  readonly sessionId: string;
  readonly tableKey: string;
  readonly startsAt: Date;
  readonly minutesClosed: boolean;
  readonly item: MinutesItem;
}

/**
 * Whose reading of a dossier's verslagen: the region's tables, those whose verslagen the reader
 * reads also while they are written (they coordinate it), and whether they are the dossier's
 * casusregisseur (who reads every closed one).
 */
export interface DossierMinutesReader {
  readonly tables: readonly string[];
  readonly writingAt: readonly string[];
  readonly personId: string;
}

/**
 * The verslag of a session: attendance, per agendapunt the text, who of its guests came and the
 * action points. Writes run in the caller's transaction after `lockMinutes`, which holds the
 * verslag's row so that a closing and an edit never interleave.
 */
export abstract class SessionMinutesRepository {
  abstract session(tx: Transaction | undefined, sessionId: string): Promise<MinutesSession | undefined>;
  /** Creates the verslag's row if needed and locks it until `tx` ends; its state then. */
  abstract lockMinutes(tx: Transaction, sessionId: string): Promise<MinutesState>;
  /** The person's function at the table (their TableMembership), or null. */
  abstract tableFunctionOf(
    regionId: string,
    tableKey: string,
    personId: string,
  ): Promise<TableFunction | null>;
  abstract itemsOf(tx: Transaction | undefined, sessionId: string): Promise<MinutesItem[]>;
  abstract attendanceOf(sessionId: string): Promise<AttendanceEntry[]>;
  abstract saveAttendance(
    tx: Transaction,
    sessionId: string,
    entries: readonly AttendanceEntry[],
    byPersonId: string,
    at: Date,
  ): Promise<void>;
  abstract saveItemMinutes(
    tx: Transaction,
    agendaItemId: string,
    minutes: { text: string; guestsPresent: readonly string[] },
    byPersonId: string,
    at: Date,
  ): Promise<void>;
  /** People an action point of the session can go to: its table's members and the items' regisseurs and aanmelders. */
  abstract ownerCandidates(sessionId: string): Promise<ActionOwnerCandidate[]>;
  abstract addActionPoint(tx: Transaction, point: NewActionPoint): Promise<void>;
  abstract close(tx: Transaction, sessionId: string, byPersonId: string, at: Date): Promise<MinutesState>;
  abstract reopen(
    tx: Transaction,
    sessionId: string,
    byPersonId: string,
    at: Date,
    reason: string,
  ): Promise<void>;
  /** The table's members, coordinators, the items' casusregisseurs, aanmelders and guests with an account. */
  abstract participantsOf(tx: Transaction, sessionId: string): Promise<MinutesRecipient[]>;
  /** A page of the held sessions of a table whose start lies in [from, until), newest first. */
  abstract archive(
    regionId: string,
    tableKey: string,
    range: { from: Date; until: Date },
    search: ArchiveSearch,
    page: PageRequest,
  ): Promise<KeysetPage<ArchivedSession>>;
  /** Where an action point's obligation comes from: its session and agendapunt. */
  abstract actionPointOf(
    obligationId: string,
  ): Promise<{ sessionId: string; agendaItemId: string } | undefined>;
  /**
   * A page of the held sessions with items of the dossier whose verslag the reader may read,
   * newest first: per session its items of the dossier, with their verslag and action points.
   */
  abstract ofDossier(
    dossierId: string,
    reader: DossierMinutesReader,
    page: PageRequest,
  ): Promise<KeysetPage<DossierMinutesEntry>>;
}
