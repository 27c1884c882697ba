export * from './format';
export * from './api';
export * from './scoring';
export * from './display';
export * from './messages';
