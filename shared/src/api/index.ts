export * from './health';
export * from './auth';
