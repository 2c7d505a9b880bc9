import { describeWorkerCrash } from '../support/worker-crash';

describeWorkerCrash('redis');
