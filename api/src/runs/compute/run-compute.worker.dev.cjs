// The run worker when the API runs from its TypeScript sources (tests, benchmarks): piscina
// loads workers through import(), which no `-r` hook reaches, so this CommonJS file registers
// ts-node (transpile only) and the @sci/shared path alias, then hands over the real entry.
const { join } = require('path');
process.env.TS_NODE_PROJECT = process.env.TS_NODE_PROJECT || join(__dirname, '..', '..', '..', 'tsconfig.app.json');
require('ts-node').register({ transpileOnly: true, project: process.env.TS_NODE_PROJECT });
const root = join(__dirname, '..', '..', '..', '..');
require('tsconfig-paths').register({ baseUrl: root, paths: { '@sci/shared': ['shared/src/index.ts'] } });
module.exports = require('./run-compute.worker.ts');
