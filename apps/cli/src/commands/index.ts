import { CliCommand } from '../cli-command';

/** Every command the CLI knows; add new ones here. */
export const commands: readonly CliCommand[] = [];
