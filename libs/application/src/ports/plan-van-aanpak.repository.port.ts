import type { AgenderingBrief, PlanContent, PlanRow } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

/** A member of the dossier's family as its aanmeldingen describe them: an id and a label, no name needed. */
export interface FamilyMember {
  readonly id: string;
  readonly label: string;
  readonly role: string;
}

/** The working draft of a dossier's plan van aanpak. */
export interface PlanDraftRecord extends PlanContent {
  readonly rows: readonly PlanRow[];
  readonly updatedAt: Date;
  readonly updatedById: string;
}

/** A frozen version and the agenda item it went with. */
export interface PlanVersionRecord extends PlanContent {
  readonly id: string;
  readonly dossierId: string;
  readonly number: number;
  readonly agendaItemId: string;
  readonly tableKey: string;
  readonly itemType: string;
  readonly sessionStartsAt: Date;
  readonly frozenAt: Date;
  readonly frozenById: string;
  /** The agenda item was withdrawn: its table never saw this version. */
  readonly withdrawn: boolean;
}

export interface NewPlanVersion extends PlanContent {
  readonly dossierId: string;
  readonly number: number;
  readonly agendaItemId: string;
  readonly tableKey: string;
  readonly frozenAt: Date;
  readonly frozenById: string;
}

/** An agenda item with what need-to-know and the table's view of the plan ask for. */
export interface PlanAgendaItemRecord {
  readonly id: string;
  readonly tableKey: string;
  readonly itemType: string;
  readonly sharedWithSession: boolean;
  readonly question: string | null;
  readonly sessionStartsAt: Date;
  readonly dossier: {
    readonly id: string;
    readonly code: string;
    readonly regionId: string;
    readonly casusregisseurId: string | null;
  };
  readonly brief: AgenderingBrief | null;
}

/**
 * The plan van aanpak of a dossier: its draft, its frozen versions (each with its agenda item)
 * and the answers of the leidraad bij agendering per agenda item.
 */
export abstract class PlanVanAanpakRepository {
  abstract draftOf(tx: Transaction | undefined, dossierId: string): Promise<PlanDraftRecord | undefined>;
  abstract saveDraft(
    tx: Transaction,
    dossierId: string,
    content: PlanContent,
    by: { personId: string; at: Date },
  ): Promise<void>;
  /** The clients of every aanmelding of the dossier, in their order. */
  abstract familyMembersOf(tx: Transaction | undefined, dossierId: string): Promise<FamilyMember[]>;
  /** Every frozen version of the dossier, oldest first. */
  abstract versionsOf(tx: Transaction | undefined, dossierId: string): Promise<PlanVersionRecord[]>;
  abstract freezeVersion(tx: Transaction, version: NewPlanVersion): Promise<void>;
  abstract saveBrief(tx: Transaction, agendaItemId: string, brief: AgenderingBrief): Promise<void>;
  abstract agendaItem(agendaItemId: string): Promise<PlanAgendaItemRecord | undefined>;
}
