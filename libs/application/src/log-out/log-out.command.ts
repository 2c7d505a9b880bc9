/** End the login session of this cookie's token. */
export interface LogOutCommand {
  readonly sessionToken: string | undefined;
}
