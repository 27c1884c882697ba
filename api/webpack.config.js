const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../dist/api'),
    clean: true,
    // piscina loads each worker bundle with require() and calls its default export
    library: { type: 'commonjs2' },
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // the command line is a second bundle over the same services; a run's worker thread a third
      additionalEntryPoints: [
        { entryName: 'cli', entryPath: './src/cli.ts' },
        { entryName: 'run-compute.worker', entryPath: './src/runs/compute/run-compute.worker.ts' },
        // the policy lab's simulation worker thread (piscina loads it beside main.js)
        { entryName: 'policy-lab-worker', entryPath: './src/policy-lab/simulate.worker.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      assets: ['./src/assets'],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
