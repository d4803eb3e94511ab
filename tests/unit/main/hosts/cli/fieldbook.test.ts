import { describe, expect, it } from 'vitest';
import { commands, runCli } from '../../../../../main/hosts/cli/fieldbook';
import { appVersion } from '../../../../../main/app/version';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

describe('fieldbook command line', () => {
  it('prints its version', async () => {
    const { output, out } = capture();
    expect(await runCli(['--version'], output)).toBe(0);
    expect(out).toEqual([appVersion]);
  });

  it('lists every command in its help', async () => {
    const { output, out } = capture();
    expect(await runCli(['--help'], output)).toBe(0);
    for (const command of commands) expect(out.join('\n')).toContain(command.name);
  });

  it.each(commands.map((command) => command.name))('has --help for %s, listing each of its options', async (name) => {
    const { output, out } = capture();
    expect(await runCli([...name.split(' '), '--help'], output)).toBe(0);
    const help = out.join('\n');
    expect(help).toContain(`Usage: fieldbook ${name}`);
    const command = commands.find((candidate) => candidate.name === name)!;
    const [usage = '', ...lines] = help.split('\n');
    for (const [option, spec] of Object.entries(command.options)) {
      const words = spec.value === undefined ? `--${option}` : `--${option} ${spec.value}`;
      // Its line in the list, with its description, and its place in the usage: bracketed unless required.
      expect(lines.some((line) => line.trimStart().startsWith(`${words} `) && line.includes(spec.help))).toBe(true);
      expect(usage).toContain(spec.required ? ` ${words}` : `[${words}]`);
    }
  });

  it('refuses a command line without a required option, pointing to --help', async () => {
    const { output, err } = capture();
    expect(await runCli(['reindex', '--json'], output)).toBe(2);
    expect(err.join('\n')).toMatch(/--notebook is required[\s\S]*fieldbook reindex --help/);
  });

  it('refuses an unknown command with exit code 2', async () => {
    const { output, err } = capture();
    expect(await runCli(['explode'], output)).toBe(2);
    expect(err.join('\n')).toContain('unknown command "explode"');
  });

  it('refuses an unknown option with a pointer to --help', async () => {
    const { output, err } = capture();
    expect(await runCli(['serve', '--notebok', '/tmp/x'], output)).toBe(2);
    expect(err.join('\n')).toMatch(/Unknown option '--notebok'[\s\S]*fieldbook serve --help/);
  });

  it('refuses a port that is not a port', async () => {
    const { output, err } = capture();
    expect(await runCli(['serve', '--port', 'eighty'], output)).toBe(2);
    expect(err.join('\n')).toContain('--port must be a whole number');
  });
});
