export * from './organisation/organisation-kind';
