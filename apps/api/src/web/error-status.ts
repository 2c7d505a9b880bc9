import { HttpStatus } from '@nestjs/common';
import type { RefusalKind } from '@overlegtafels/application';

/** The one place where the kind of an application's refusal becomes an HTTP status. */
const STATUS: Record<RefusalKind, HttpStatus> = {
  not_found: HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  invalid: HttpStatus.BAD_REQUEST,
};

export function statusOf(kind: RefusalKind): HttpStatus {
  return STATUS[kind];
}
