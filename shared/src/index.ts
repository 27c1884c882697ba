export * from './format';
export * from './api';
