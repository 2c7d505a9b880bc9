import type { ChildHearingFormInput } from '../agenda/casusregie-input';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';

/** Validated at the edge (ChildHearingSchema); `dossierId` comes from an audited read. */
export interface RecordChildHearingCommand {
  readonly actor: CasusregisseurActor;
  readonly dossierId: string;
  readonly hearing: ChildHearingFormInput;
}
