import { describe, expect, it } from 'vitest';
import { type Command, UsageError } from '../../../../../main/hosts/cli/command';
import { commandHelp, parseCommandLine, usageLine } from '../../../../../main/hosts/cli/options';

const tagCommand: Command = {
  name: 'tag add',
  summary: 'Tag documents',
  positionals: { usage: 'ID...', help: 'the documents to tag' },
  options: {
    notebook: { value: 'DIR', required: true, help: 'the notebook' },
    tag: { value: 'NAME', repeatable: true, help: 'a tag to add' },
    json: { help: 'print the tags as JSON' },
  },
  run: () => Promise.resolve(0),
};

describe('options declared once', () => {
  it('builds the usage line from the declaration: required options, positionals, then the rest in brackets', () => {
    expect(usageLine(tagCommand)).toBe('fieldbook tag add --notebook DIR ID... [--tag NAME]... [--json]');
  });

  it('builds --help from the declaration, descriptions aligned and repeatable options said so', () => {
    expect(commandHelp(tagCommand).split('\n')).toEqual([
      'Usage: fieldbook tag add --notebook DIR ID... [--tag NAME]... [--json]',
      '',
      'Tag documents',
      '',
      'Arguments:',
      '  ID...           the documents to tag',
      '',
      'Options:',
      '  --notebook DIR  the notebook',
      '  --tag NAME      a tag to add (repeatable)',
      '  --json          print the tags as JSON',
      '  --help          show this help',
    ]);
  });

  it('parses what the declaration says: values for options with one, lists for repeatable ones, flags', () => {
    expect(parseCommandLine(tagCommand, ['--notebook', 'nb', 'a', '--tag', 'x', '--tag', 'y', 'b', '--json'])).toEqual({
      values: { notebook: 'nb', tag: ['x', 'y'], json: true },
      positionals: ['a', 'b'],
    });
  });

  it('refuses a missing required option, and an undeclared one', () => {
    expect(() => parseCommandLine(tagCommand, ['a'])).toThrow(new UsageError('--notebook is required.'));
    expect(() => parseCommandLine(tagCommand, ['--notebook', 'nb', '--colour', 'red'])).toThrow(/Unknown option '--colour'/);
  });

  it('refuses positionals to a command that declares none', () => {
    const { positionals: _, ...noPositionals } = tagCommand;
    expect(() => parseCommandLine(noPositionals, ['--notebook', 'nb', 'a'])).toThrow(/Unexpected argument 'a'/);
  });
});
