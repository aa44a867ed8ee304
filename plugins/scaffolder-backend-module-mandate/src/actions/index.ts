export { createMandateCheckAction } from './createMandateCheckAction';
export { createMandatePublishLocalAction } from './createMandatePublishLocalAction';
export { describeShortfall } from './describeShortfall';
export { loadGeneratedEntities } from './loadGeneratedEntities';
export { overlayEntities } from './overlayEntities';
