import { CliCommand } from '../cli-command';
import { AuditCommand } from './audit.command';
import { BeheerderCommand } from './beheerder.command';
import { ObligationsCommand } from './obligations.command';
import { PlacementCommand } from './placement.command';
import { RegionsCommand } from './regions.command';
import { RetentionCommand } from './retention.command';

/** Every command the CLI knows; add new ones here. */
export const commands: readonly CliCommand[] = [
  new PlacementCommand(),
  new ObligationsCommand(),
  new AuditCommand(),
  new RegionsCommand(),
  new RetentionCommand(),
  new BeheerderCommand(),
];
