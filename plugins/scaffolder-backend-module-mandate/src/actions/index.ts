export { createMandateCheckAction } from './createMandateCheckAction';
export { createMandatePublishLocalAction } from './createMandatePublishLocalAction';
export { describeShortfall } from './describeShortfall';
export { loadGeneratedEntities } from './loadGeneratedEntities';
export { requestMandateCheck } from './requestMandateCheck';
