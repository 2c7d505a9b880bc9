import type { Actor } from '../agenda/agenda-views';
import type { ConsulentInvolvement } from '../ports/dossier.repository.port';

export interface ConsulentActor extends Actor {
  /** A coordinator of the region (every dossier) or else only the dossier's own casusregisseur. */
  readonly coordinator: boolean;
}

/** Validated at the edge (ConsulentSchema); `dossierId` comes from an audited read. */
export interface RecordConsulentCommand {
  readonly actor: ConsulentActor;
  readonly dossierId: string;
  readonly involvement: ConsulentInvolvement;
}
