import type { AppConfig } from '@overlegtafels/config';
import { getRegion } from '@overlegtafels/regions';

/** The time zone of this installation's region (its calendar days are the dossier's dates). */
export function regionTimeZone(config: Pick<AppConfig, 'region'>): string {
  const region = getRegion(config.region);
  if (!region) throw new Error(`REGION ${config.region} has no configuration in libs/regions`);
  return region.timeZone;
}
