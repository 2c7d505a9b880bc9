import { DomainError } from '../errors/domain.error';

/**
 * Broken invariants of the dossier lifecycle. A coordinator's wrong or premature decision is not
 * one of these: it comes back as a refusal with a stable code (dossier-outcome.model.ts). These
 * are thrown when the caller hands the rules something no valid flow can produce.
 */
export class UnknownDossierPhaseError extends DomainError {
  readonly code = 'UNKNOWN_DOSSIER_PHASE';

  constructor(readonly phase: unknown) {
    super(`unknown dossier phase: ${String(phase)}`);
  }
}

export class InvalidDossierStateError extends DomainError {
  readonly code = 'INVALID_DOSSIER_STATE';

  constructor(problem: string) {
    super(`dossier state: ${problem}`);
  }
}

export class UnknownDecisionKindError extends DomainError {
  readonly code = 'UNKNOWN_DECISION_KIND';

  constructor(readonly kind: unknown) {
    super(`unknown decision kind: ${String(kind)}`);
  }
}

/** The date of a zitting, today's date or a configured limit was not usable. */
export class InvalidDossierContextError extends DomainError {
  readonly code = 'INVALID_DOSSIER_CONTEXT';

  constructor(problem: string) {
    super(problem);
  }
}

export class InvalidDossierCodeInputError extends DomainError {
  readonly code = 'INVALID_DOSSIER_CODE_INPUT';

  constructor(problem: string) {
    super(problem);
  }
}
