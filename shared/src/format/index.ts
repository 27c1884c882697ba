export * from './enums';
export * from './rows';
export * from './period';
export * from './digest';
