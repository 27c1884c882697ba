export * from './health';
export * from './imports';
export * from './auth';
export * from './users';
export * from './audit';
export * from './runs';
export * from './results';
export * from './schemes';
