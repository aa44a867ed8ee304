export {
  resolveLocalPublishDirectory,
  DEFAULT_LOCAL_PUBLISH_DIRECTORY,
} from './resolveLocalPublishDirectory';
export { isLocalPublishingEnabled } from './isLocalPublishingEnabled';
