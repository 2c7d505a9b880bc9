/** Log in with a one-time link's token, or (demo installations only) as a chosen demo person. */
export type LogInCommand =
  | { readonly via: 'link'; readonly token: string; readonly userAgent?: string }
  | { readonly via: 'demo'; readonly personId: string; readonly userAgent?: string };
