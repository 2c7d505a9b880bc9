/**
 * Broken invariants: the caller handed the domain something that can never be right (a table
 * definition that contradicts itself, calendar state that names a session outside the series, an
 * override without a reason). Expected rule outcomes (late, full, no session) are never thrown;
 * they come back as values with a stable code (see outcome.model.ts).
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidTableDefinitionError extends DomainError {
  readonly code = 'INVALID_TABLE_DEFINITION';

  constructor(
    readonly tableKey: string,
    problem: string,
  ) {
    super(`table "${tableKey}": ${problem}`);
  }
}

export class InvalidCalendarStateError extends DomainError {
  readonly code = 'INVALID_CALENDAR_STATE';

  constructor(
    readonly tableKey: string,
    problem: string,
  ) {
    super(`calendar of table "${tableKey}": ${problem}`);
  }
}

export class InvalidInstantError extends DomainError {
  readonly code = 'INVALID_INSTANT';

  constructor(what: string, value: unknown) {
    super(`${what} is not a finite epoch-millisecond instant: ${String(value)}`);
  }
}

export class OverrideReasonRequiredError extends DomainError {
  readonly code = 'OVERRIDE_REASON_REQUIRED';

  constructor(readonly itemId: string) {
    super(`agendapunt "${itemId}": a coordinator override needs a non-empty reason`);
  }
}

export class InvalidAllocationInputError extends DomainError {
  readonly code = 'INVALID_ALLOCATION_INPUT';

  constructor(problem: string) {
    super(problem);
  }
}
