export * from './glossary';
export * from './class-words';
