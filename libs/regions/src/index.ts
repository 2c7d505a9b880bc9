export * from './region.registry';
export * from './shared/belgian-holidays.config';
export * from './co3-antwerpen/co3-antwerpen.region';
export * from './vlaams-brabant/vlaams-brabant.region';
export * from './shared/kijkschema-ifg.config';
export * from './west-vlaanderen/west-vlaanderen.region';
export * from './oost-vlaanderen/oost-vlaanderen.region';
