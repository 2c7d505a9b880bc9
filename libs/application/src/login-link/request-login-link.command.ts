/** Ask for a login link. `next` is a local path, checked at the edge. */
export interface RequestLoginLinkCommand {
  readonly email: string;
  readonly next?: string;
}
