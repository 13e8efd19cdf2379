/**
 * The manual page of espace, in roff (man(7) macros), written from commander's command tree: every
 * visible command with its usage, description and options, then the environment variables and
 * exit codes the help topics list. Nothing in it is written by hand twice, so it cannot fall
 * behind the commands.
 */
import type { CommandUnknownOpts, Help, Option } from '../commander.js';
import type { Translate } from '../../i18n/catalog.js';
import { ENVIRONMENT, exitCodes } from '../commands/help-topics/topics.js';

/** Text made safe for roff: backslashes, hyphens (so options copy as ASCII), and a leading dot or quote. */
export function roffText(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

/** Visible commands depth first, parents before children, with their help formatter. */
function walk(command: CommandUnknownOpts, visit: (command: CommandUnknownOpts, help: Help) => void): void {
  const help = command.createHelp();
  visit(command, help);
  for (const sub of help.visibleCommands(command)) {
    // commander gives every group a `help` command: the program's is listed, the others say the same.
    if (sub.name() === 'help' && command.parent !== null) continue;
    walk(sub, visit);
  }
}

function options(lines: string[], help: Help, list: readonly Option[]): void {
  for (const option of list) {
    lines.push('.TP', `.B ${roffText(help.optionTerm(option))}`, roffText(help.optionDescription(option)));
  }
}

export interface ManPageOptions {
  t: Translate;
  version: string;
}

/** The whole page for `program` (the root command). */
export function manPage(program: CommandUnknownOpts, { t, version }: ManPageOptions): string {
  const rootHelp = program.createHelp();
  const lines: string[] = [
    `.TH ESPACE 1 "" "espace ${roffText(version)}" "${roffText(t('man.manual'))}"`,
    `.SH ${t('man.section.name')}`,
    `espace \\- ${roffText(program.description())}`,
    `.SH ${t('man.section.synopsis')}`,
    `.B espace`,
    `.RI [ "${roffText(t('man.synopsis.globalOptions'))}" ]`,
    `.I ${roffText(t('man.synopsis.command'))}`,
    `.RI [ "${roffText(t('man.synopsis.rest'))}" ]`,
    `.SH ${t('man.section.description')}`,
    roffText(t('man.description')),
    '.PP',
    roffText(t('man.precedence')),
    `.SH ${t('man.section.globalOptions')}`,
  ];
  options(lines, rootHelp, rootHelp.visibleOptions(program));
  lines.push(`.SH ${t('man.section.commands')}`);
  walk(program, (command, help) => {
    if (command === program) return;
    // The program's `help` command is not attached to it, so its usage lacks the program's name.
    const usage = help.commandUsage(command);
    lines.push(`.SS ${roffText(usage.startsWith('espace ') ? usage : `espace ${usage}`)}`, roffText(help.commandDescription(command)));
    const own = help.visibleOptions(command).filter((option) => option.long !== '--help');
    if (own.length > 0) {
      lines.push('.RS');
      options(lines, help, own);
      lines.push('.RE');
    }
  });
  lines.push(`.SH ${t('man.section.environment')}`);
  for (const variable of ENVIRONMENT) lines.push('.TP', `.B ${roffText(variable.name)}`, roffText(t(variable.meaning)));
  lines.push(`.SH ${t('man.section.exitStatus')}`);
  for (const row of exitCodes(t)) lines.push('.TP', `.B ${row.code}`, roffText(row.meaning));
  lines.push(`.SH ${t('man.section.files')}`);
  for (const [path, meaning] of [
    ['$XDG_CONFIG_HOME/espace/config.json', 'man.files.config'],
    ['$XDG_CONFIG_HOME/espace/', 'man.files.credentials'],
    ['$XDG_DATA_HOME/espace/', 'man.files.data'],
  ] as const) {
    lines.push('.TP', `.I ${roffText(path)}`, roffText(t(meaning)));
  }
  lines.push(`.SH ${t('man.section.seeAlso')}`, roffText(t('man.seeAlso')));
  return `${lines.join('\n')}\n`;
}
