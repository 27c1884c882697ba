const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../dist/api'),
    clean: true,
    // entries' exports reach Node (the policy-lab worker's default export is what piscina calls)
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
      // the command line is a second bundle over the same services
      additionalEntryPoints: [
        { entryName: 'cli', entryPath: './src/cli.ts' },
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
