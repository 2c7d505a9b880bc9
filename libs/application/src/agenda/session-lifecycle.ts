import type { SessionLifecycleState, SessionStatus } from '@overlegtafels/domain';

/** A stored session row as the domain's lifecycle sees it: its status and its start as an instant. */
export function lifecycleOf(row: {
  readonly status: SessionStatus;
  readonly startsAt: Date;
}): SessionLifecycleState {
  return { status: row.status, startsAtMs: row.startsAt.getTime() };
}
