import { CliCommand, CliError } from '../cli/cli-command';
import { checkGenerateOptions, generateProvince } from './generator';

/** `generate <outdir> --seed N --scale F --first 2024Q4 --last 2025Q4`: writes the demo province. */
export const generateCommand: CliCommand = {
  name: 'generate',
  description: 'write a synthetic Shandong province in the exchange format (deterministic per seed)',
  configure: (cmd) =>
    cmd
      .argument('<outdir>', 'folder to write institutions.csv, enterprises.csv, loans.csv, ... into')
      .option('--seed <n>', 'random seed', '1')
      .option('--scale <f>', 'size: 1 = about 25,000 loan rows a quarter, 40 = about 1,000,000', '1')
      .option('--first <period>', 'first quarter', '2024Q4')
      .option('--last <period>', 'last quarter', '2025Q4'),
  async run(opts, args) {
    const o = { seed: Number(opts['seed']), scale: Number(opts['scale']), first: String(opts['first']), last: String(opts['last']) };
    const problem = checkGenerateOptions(o);
    if (problem) throw new CliError(problem);
    const started = Date.now();
    const summary = generateProvince(args[0], o);
    const lines = Object.entries(summary.files).map(([f, n]) => `  ${f.padEnd(20)} ${String(n).padStart(9)}\n`);
    const per = Object.entries(summary.loansPerPeriod).map(([p, n]) => `${p} ${n}`).join(', ');
    process.stdout.write(`generated ${args[0]} in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${o.seed}, scale ${o.scale})\n${lines.join('')}  loans per period: ${per}\n`);
  },
};
