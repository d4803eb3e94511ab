import { runCli } from './fieldbook';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('fieldbook: unexpected failure:', error);
    process.exitCode = 1;
  },
);
