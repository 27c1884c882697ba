export * from './format';
export * from './places';
