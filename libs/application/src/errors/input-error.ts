/** One field's problem: its name (a path such as `clients.0.age`), a code and the Dutch message. */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** Input that does not parse or does not fit: every field at fault, for the form and the 400. */
export class InputError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}
