/** Reading the verslag of a session, as the reader may see it. */
export interface ReadMinutesCommand {
  readonly sessionId: string;
  readonly route: string;
}
