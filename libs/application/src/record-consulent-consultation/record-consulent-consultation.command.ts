import type { ConsulentConsultationFormInput } from '../agenda/casusregie-input';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';

/** Validated at the edge (ConsulentConsultationSchema); `dossierId` comes from an audited read. */
export interface RecordConsulentConsultationCommand {
  readonly actor: CasusregisseurActor;
  readonly dossierId: string;
  readonly consultation: ConsulentConsultationFormInput;
}
