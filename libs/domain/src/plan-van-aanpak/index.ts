export * from './plan-van-aanpak.model';
export * from './plan-version.policy';
export * from './agendering-brief.model';
