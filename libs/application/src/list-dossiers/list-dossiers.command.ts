import type { Principal } from '@overlegtafels/auth';

/** The dossiers a person may see; `route` names the look in the audit log. */
export interface ListDossiersCommand {
  readonly principal: Principal;
  readonly route: string;
}
