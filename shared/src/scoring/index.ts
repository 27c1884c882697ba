export * from './types';
export * from './scheme';
export * from './scheme-sdtf-2025';
export * from './scheme-validate';
export * from './aggregate';
export * from './score-period';
export * from './certification';
