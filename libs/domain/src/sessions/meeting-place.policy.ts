import type { MeetingPlace } from '../tables/table-definition.model';

/** The limits of a meeting place as a coordinator enters it. */
export const MEETING_PLACE_LIMITS = { location: 200, onlineMeetingUrl: 500 } as const;

/** A session's own place, when a coordinator set one; null fields fall back to the table's. */
export interface SessionPlaceOverride {
  readonly location: string | null;
  /** '' when the coordinator removed the table's online link for this session. */
  readonly onlineMeetingUrl: string | null;
}

/**
 * Where this session takes place: the coordinator's override where there is one, else the
 * table's configured place. An online link the coordinator emptied is no link (not the table's).
 */
export function effectiveMeetingPlace(
  table: MeetingPlace | undefined,
  session: SessionPlaceOverride,
): { location: string | null; onlineMeetingUrl: string | null } {
  const location = session.location ?? table?.location ?? null;
  const link = session.onlineMeetingUrl ?? table?.onlineMeetingUrl ?? null;
  return { location: location?.trim() || null, onlineMeetingUrl: link?.trim() || null };
}

/** Whether the new place differs from the current one (a change every invitation must show). */
export function meetingPlaceChanged(
  before: { location: string | null; onlineMeetingUrl: string | null },
  after: { location: string | null; onlineMeetingUrl: string | null },
): boolean {
  return before.location !== after.location || before.onlineMeetingUrl !== after.onlineMeetingUrl;
}

/**
 * What is wrong with a place, or undefined: a location of 1–200 characters on one line, a link
 * that is an https URL of at most 500 characters without credentials.
 */
export function meetingPlaceProblem(place: {
  location?: string | null;
  onlineMeetingUrl?: string | null;
}): string | undefined {
  const location = place.location ?? '';
  if (location.length > MEETING_PLACE_LIMITS.location) return 'location too long';
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(location)) return 'location on more than one line';
  const link = place.onlineMeetingUrl;
  if (link) {
    if (link.length > MEETING_PLACE_LIMITS.onlineMeetingUrl) return 'online meeting link too long';
    if (!isHttpsLink(link)) return 'online meeting link is not an https URL';
  }
  return undefined;
}

/** An absolute https URL with a host and no user or password in it. */
export function isHttpsLink(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
