import type { Principal } from '@overlegtafels/auth';

/** A look at one dossier by its code; `action` and `route` name the look in the audit log. */
export interface OpenDossierCommand {
  readonly principal: Principal;
  /** As typed in the address: not yet known to be a dossier code. */
  readonly code: string;
  readonly action: string;
  readonly route: string;
}
