import { describeWorkerCrash } from '../support/worker-crash';

describeWorkerCrash('postgres');
