/**
 * Counters of login attempts per fixed window, kept where every process of the service sees them
 * (the database), by a hash of what is counted, never the address or IP itself.
 */
export abstract class LoginAttempts {
  /** Counts one more attempt in this window and answers the window's count, this one included. */
  abstract hit(bucket: string, keyHash: string, windowStart: Date): Promise<number>;
  /** Forgets the windows that started before this moment. */
  abstract forgetBefore(before: Date): Promise<void>;
}
