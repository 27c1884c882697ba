export * from './signal-edges';
export * from './signal-rules';
export * from './quality';
