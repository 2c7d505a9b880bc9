import type { RefusalKind } from './refusal-kind';

/**
 * A refusal by the rules (not a typo), with a stable code and the kind of refusal; the edge maps
 * the kind to an HTTP status in one place (apps/api/src/web/error-status.ts), a page shows the
 * message.
 */
export class AgendaRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly kind: RefusalKind = 'unprocessable',
  ) {
    super(message);
  }
}
