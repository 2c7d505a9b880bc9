// The application's testing face: what fakes and tests need of it without loading every use case
// (the index loads them all, with NestJS and the mail templates; in a unit suite's file that cost
// more than its tests). Its ports, to fake them, and the errors the fakes answer with.
export * from '../ports';
export * from '../errors';
export * from '../paging/page-of-sorted';
