/** Closing the verslag of a held session (no input but the session). */
export interface CloseMinutesCommand {
  readonly sessionId: string;
  readonly route: string;
}
