export * from './glossary';
export * from './class-words';
export * from './format';
export * from './places';
