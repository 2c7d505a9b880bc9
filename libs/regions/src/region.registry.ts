import { RegionConfig } from '@overlegtafels/domain';
import { CO3_ANTWERPEN } from './co3-antwerpen/co3-antwerpen.region';
import { OOST_VLAANDEREN } from './oost-vlaanderen/oost-vlaanderen.region';
import { VLAAMS_BRABANT } from './vlaams-brabant/vlaams-brabant.region';
import { WEST_VLAANDEREN } from './west-vlaanderen/west-vlaanderen.region';

export const DEFAULT_REGION_KEY = 'co3-antwerpen';

const REGIONS: ReadonlyMap<string, RegionConfig> = new Map(
  [CO3_ANTWERPEN, VLAAMS_BRABANT, WEST_VLAANDEREN, OOST_VLAANDEREN].map((region) => [region.key, region]),
);

export function getRegion(key: string): RegionConfig | undefined {
  return REGIONS.get(key);
}

export function listRegions(): readonly RegionConfig[] {
  return [...REGIONS.values()];
}

/** Who a region mails as (`Name <address>`): its configuration's mailFrom, or one made of its name and key. */
export function mailFromOf(region: RegionConfig): string {
  return region.mailFrom ?? `${region.name} overlegtafels <overlegtafels@${region.key}.example.be>`;
}
