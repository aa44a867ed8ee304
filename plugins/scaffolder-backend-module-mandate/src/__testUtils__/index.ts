export { mockActionContext } from './mockActionContext';
export type { MockActionContext } from './mockActionContext';
export {
  fetchedService,
  NEW_SERVICE_TEMPLATE,
  newServiceValues,
  renderNewServiceSkeleton,
  REPO_ROOT,
} from './renderNewServiceSkeleton';
export type { NewServiceValues } from './renderNewServiceSkeleton';
export { startMandateBackend } from './startMandateBackend';
