export * from './policy.decorator';
export * from './principal';
export * from './session.service';
export * from './auth.guard';
export * from './session-store';
export * from './current-principal.decorator';
export * from './auth.module';
export * from './dossier-access.policy';
