import type { ConsentFormInput } from '../agenda/casusregie-input';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';

/** Validated at the edge (ConsentSchema); `dossierId` comes from an audited read. */
export interface RecordConsentCommand {
  readonly actor: CasusregisseurActor;
  readonly dossierId: string;
  readonly consent: ConsentFormInput;
}
