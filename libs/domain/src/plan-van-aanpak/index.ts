export * from './plan-van-aanpak.model';
export * from './plan-version.policy';
export * from './agendering-brief.model';
export * from './plan-factor-choice.policy';
