/**
 * Mandate's backend plugin.
 *
 * @packageDocumentation
 */
export { mandatePlugin as default } from './plugin';
