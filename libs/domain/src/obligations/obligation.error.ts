import { DomainError } from '../errors/domain.error';

/** A region's obligation rules contradict themselves or the region's tables. */
export class InvalidObligationRuleError extends DomainError {
  readonly code = 'INVALID_OBLIGATION_RULE';

  constructor(
    readonly ruleKey: string,
    problem: string,
  ) {
    super(`obligation rule "${ruleKey}": ${problem}`);
  }
}

/** Dossier facts or stored obligations the application handed over cannot be right. */
export class InvalidObligationInputError extends DomainError {
  readonly code = 'INVALID_OBLIGATION_INPUT';

  constructor(problem: string) {
    super(problem);
  }
}
