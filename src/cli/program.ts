/**
 * Commander set up to speak Chinese: help titles, built-in option texts and the
 * common parse errors, so a user never sees English boilerplate.
 */
import { Command, CommanderError, Help } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

const ERRORS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/unknown option '([^']+)'/, (m) => `未知选项 ${m[1]}（用 --help 查看可用选项）`],
  [/unknown command '([^']+)'/, (m) => `未知命令 ${m[1]}（用 --help 查看可用命令）`],
  [/missing required argument '([^']+)'/, (m) => `缺少参数 ${m[1]}`],
  [/option '([^']+)' argument missing/, (m) => `选项 ${m[1]} 缺少取值`],
  [/required option '([^']+)' not specified/, (m) => `缺少必需的选项 ${m[1]}`],
  [/too many arguments/, () => '参数过多（用 --help 查看用法）'],
];

/** Commander's built-in usage placeholders, in Chinese. */
function inChinese(usage: string): string {
  return usage.replace('[options]', '[选项]').replace('[command]', '[命令]');
}

export function translateCommanderError(message: string): string {
  for (const [re, fmt] of ERRORS) {
    const m = message.match(re);
    if (m) return fmt(m);
  }
  return message.replace(/^error:\s*/, '');
}

/** Apply the Chinese help and error texts to a command and, through copyInheritedSettings, to its subcommands. */
export function localise(cmd: Command): Command {
  cmd
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      sortSubcommands: false,
      commandUsage: (c: Command) => inChinese(new Help().commandUsage(c)),
      subcommandTerm: (c: Command) => inChinese(new Help().subcommandTerm(c)),
    })
    .configureOutput({
      outputError: (str, write) => write(`错误：${translateCommanderError(str.trim())}\n`),
    })
    .showHelpAfterError('（用 --help 查看用法）')
    .exitOverride();
  return cmd;
}

/** Create a subcommand that inherits the Chinese settings. */
export function subcommand(parent: Command, nameAndArgs: string, description: string): Command {
  const cmd = parent.command(nameAndArgs).description(description);
  localise(cmd);
  return cmd;
}

export { Command, CommanderError };
