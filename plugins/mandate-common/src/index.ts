export * from './status';
export * from './rules';
export * from './report';
export * from './scoring';
export * from './permissions';
export * from './api';
export * from './requestPath';
