import type {
  FamilyMember,
  NewPlanVersion,
  PlanAgendaItemRecord,
  PlanDraftRecord,
  PlanVanAanpakRepository,
  PlanVersionRecord,
  Transaction,
} from '@overlegtafels/application/testing';
import type { AgenderingBrief, PlanContent } from '@overlegtafels/domain';
import type { Rollbackable } from './fake-unit-of-work';

interface State {
  drafts: Map<string, PlanDraftRecord>;
  versions: PlanVersionRecord[];
  briefs: Map<string, AgenderingBrief>;
}

/**
 * The plan van aanpak in memory: drafts per dossier, frozen versions, briefs per agenda item.
 * Tests give the family of each dossier and the agenda items the table's view reads.
 */
export class FakePlanVanAanpakRepository implements PlanVanAanpakRepository, Rollbackable {
  private state: State = { drafts: new Map(), versions: [], briefs: new Map() };
  readonly items = new Map<string, Omit<PlanAgendaItemRecord, 'brief'>>();

  constructor(private readonly families: Record<string, readonly FamilyMember[]> = {}) {}

  get versions(): readonly PlanVersionRecord[] {
    return structuredClone(this.state.versions);
  }

  brief(agendaItemId: string): AgenderingBrief | undefined {
    return structuredClone(this.state.briefs.get(agendaItemId));
  }

  async draftOf(_tx: Transaction | undefined, dossierId: string): Promise<PlanDraftRecord | undefined> {
    return structuredClone(this.state.drafts.get(dossierId));
  }

  async saveDraft(
    _tx: Transaction,
    dossierId: string,
    content: PlanContent,
    by: { personId: string; at: Date },
  ): Promise<void> {
    this.state.drafts.set(
      dossierId,
      structuredClone({
        profiles: content.profiles,
        rows: content.rows,
        updatedAt: by.at,
        updatedById: by.personId,
      }),
    );
  }

  async familyMembersOf(_tx: Transaction | undefined, dossierId: string): Promise<FamilyMember[]> {
    return [...(this.families[dossierId] ?? [])];
  }

  async versionsOf(_tx: Transaction | undefined, dossierId: string): Promise<PlanVersionRecord[]> {
    return structuredClone(this.state.versions.filter((v) => v.dossierId === dossierId));
  }

  async freezeVersion(_tx: Transaction, version: NewPlanVersion): Promise<void> {
    if (this.state.versions.some((v) => v.dossierId === version.dossierId && v.number === version.number)) {
      throw new Error(`fake: version ${version.number} of ${version.dossierId} exists`);
    }
    const item = this.items.get(version.agendaItemId);
    this.state.versions.push(
      structuredClone({
        ...version,
        id: `v-${version.dossierId}-${version.number}`,
        itemType: item?.itemType ?? 'plan-van-aanpak',
        sessionStartsAt: item?.sessionStartsAt ?? version.frozenAt,
        withdrawn: false,
      }),
    );
  }

  async saveBrief(_tx: Transaction, agendaItemId: string, brief: AgenderingBrief): Promise<void> {
    this.state.briefs.set(agendaItemId, structuredClone(brief));
  }

  async agendaItem(agendaItemId: string): Promise<PlanAgendaItemRecord | undefined> {
    const item = this.items.get(agendaItemId);
    return item && { ...structuredClone(item), brief: this.brief(agendaItemId) ?? null };
  }

  snapshot(): unknown {
    return structuredClone(this.state);
  }

  restore(snapshot: unknown): void {
    this.state = snapshot as State;
  }
}
