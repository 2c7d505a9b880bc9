/**
 * What kind of "no" a use case gives, without saying how the edge says it: `not_found` also for
 * what the actor may not know exists (need-to-know), `forbidden` for a role that may never,
 * `conflict` for a state that forbids it now, `unprocessable` for a rule the input breaks,
 * `invalid` for input that is malformed.
 */
export type RefusalKind = 'not_found' | 'forbidden' | 'conflict' | 'unprocessable' | 'invalid';
