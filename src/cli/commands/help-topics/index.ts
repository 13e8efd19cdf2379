import type { CommandUnknownOpts } from '../../commander.js';
import type { Registrar } from '../../program.js';
import { type HelpTopic, topicText } from './topics.js';

/**
 * The topics are hidden commands: `espace help exit-codes` finds them as commander finds any
 * command, and their "help" is the page itself.
 */
export function registerHelpTopics(program: CommandUnknownOpts, { t, examples }: Registrar): void {
  const topic = (name: HelpTopic, description: string) => {
    const command = program
      .command(name, { hidden: true })
      .description(description)
      .configureHelp({ formatHelp: () => topicText(name, t) })
      .action(() => {
        command.outputHelp();
      });
    examples(command, [`espace help ${name}`]);
  };
  topic('exit-codes', t('topics.exit.description'));
  topic('environment', t('topics.env.description'));
}
