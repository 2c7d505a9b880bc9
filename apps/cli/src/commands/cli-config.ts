import { AppConfig, ConfigError, loadConfig } from '@overlegtafels/config';
import { CliUsageError } from '../cli-command';

/** The configuration of a command that needs one; a bad setting is a usage error (exit 2). */
export function cliConfig(env?: Record<string, string | undefined>): AppConfig {
  try {
    return env ? loadConfig(env) : loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliUsageError(error.message);
    throw error;
  }
}
