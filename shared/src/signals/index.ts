export * from './signal-rules';
export * from './quality';
