export * from './health';
export * from './auth';
export * from './runs';
export * from './results';
export * from './schemes';
