/**
 * The Mandate rule engine: catalog snapshot and service graph, the built-in rules, API
 * definition analysis, the custom-rule extension point and the engine the CLI and the
 * backend share.
 *
 * @packageDocumentation
 */
export * from './catalog';
export * from './annotations';
export * from './graph';
export * from './rules';
export * from './config';
export * from './engine';
export * from './extensions';
export * from './apis';
export * from './cli';
export * from './files';
export * from './facts';
