/**
 * Help pages that are not commands: `espace help exit-codes` and `espace help environment`. The
 * exit codes come from src/errors.ts and the variables from one table here, which the README's
 * section mirrors (a test keeps them in step).
 */
import { EXIT_CODES, type ErrorCategory } from '../../../errors.js';
import type { MessageKey, Translate } from '../../../i18n/catalog.js';

export const HELP_TOPICS = ['exit-codes', 'environment'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

const EXIT_CODE_MEANINGS: Record<ErrorCategory | 'ok', MessageKey> = {
  ok: 'topics.exit.ok',
  general: 'topics.exit.general',
  usage: 'topics.exit.usage',
  partial: 'topics.exit.partial',
  auth: 'topics.exit.auth',
  paymentUnknown: 'topics.exit.paymentUnknown',
  cancelled: 'topics.exit.cancelled',
};

export interface EnvironmentVariable {
  name: string;
  meaning: MessageKey;
}

/** Every environment variable espace reads. */
export const ENVIRONMENT: readonly EnvironmentVariable[] = [
  { name: 'ESPACE_TOKEN', meaning: 'topics.env.token' },
  { name: 'ESPACE_CLIENT_ID', meaning: 'topics.env.clientId' },
  { name: 'ESPACE_CLIENT_SECRET', meaning: 'topics.env.clientSecret' },
  { name: 'ESPACE_CONTEXT', meaning: 'topics.env.context' },
  { name: 'ESPACE_API_URL', meaning: 'topics.env.apiUrl' },
  { name: 'ESPACE_LANG', meaning: 'topics.env.lang' },
  { name: 'ESPACE_CONFIG_DIR', meaning: 'topics.env.configDir' },
  { name: 'ESPACE_DATA_DIR', meaning: 'topics.env.dataDir' },
  { name: 'ESPACE_SANDBOX_PORT', meaning: 'topics.env.sandboxPort' },
  { name: 'ESPACE_SANDBOX_PROFILE', meaning: 'topics.env.sandboxProfile' },
  { name: 'ESPACE_SANDBOX_CLOCK_PAUSE_MS', meaning: 'topics.env.sandboxClockPause' },
  { name: 'ESPACE_KEYCHAIN_TIMEOUT_MS', meaning: 'topics.env.keychainTimeout' },
  { name: 'ESPACE_COMPLETION_TIMEOUT_MS', meaning: 'topics.env.completionTimeout' },
  { name: 'ESPACE_TIMEOUT', meaning: 'net.env.timeout' },
  { name: 'ESPACE_MAX_RESPONSE_MB', meaning: 'net.env.maxResponse' },
  { name: 'NO_COLOR', meaning: 'topics.env.noColor' },
  { name: 'FORCE_COLOR', meaning: 'topics.env.forceColor' },
  { name: 'CLICOLOR_FORCE', meaning: 'topics.env.clicolorForce' },
  { name: 'CLICOLOR', meaning: 'topics.env.clicolor' },
  { name: 'TERM', meaning: 'topics.env.term' },
  { name: 'ESPACE_PLAIN', meaning: 'topics.env.plain' },
  { name: 'ESPACE_PAGER', meaning: 'topics.env.espacePager' },
  { name: 'PAGER', meaning: 'topics.env.pager' },
  { name: 'COLUMNS', meaning: 'topics.env.columns' },
  { name: 'LC_ALL, LC_MESSAGES, LANG', meaning: 'topics.env.locale' },
  { name: 'XDG_CONFIG_HOME, XDG_DATA_HOME', meaning: 'topics.env.xdg' },
  { name: 'DBUS_SESSION_BUS_ADDRESS', meaning: 'topics.env.dbus' },
  { name: 'NODE_EXTRA_CA_CERTS', meaning: 'topics.env.extraCa' },
];

/** Exit codes with their meaning, lowest first. */
export function exitCodes(t: Translate): { code: number; category: string; meaning: string }[] {
  return Object.entries(EXIT_CODES)
    .map(([category, code]) => ({ code, category, meaning: t(EXIT_CODE_MEANINGS[category as ErrorCategory | 'ok']) }))
    .sort((a, b) => a.code - b.code);
}

export function topicText(topic: HelpTopic, t: Translate): string {
  if (topic === 'exit-codes') {
    const rows = exitCodes(t).map((row) => `  ${String(row.code).padStart(3)}  ${row.meaning}`);
    return `${t('topics.exit.heading')}\n\n${rows.join('\n')}\n`;
  }
  const width = Math.max(...ENVIRONMENT.map((variable) => variable.name.length));
  const rows = ENVIRONMENT.map((variable) => `  ${variable.name.padEnd(width)}  ${t(variable.meaning)}`);
  return `${t('topics.env.heading')}\n\n${rows.join('\n')}\n`;
}

/** The README's environment table: the same rows, in English, as Markdown. */
export function environmentMarkdown(t: Translate): string {
  const rows = ENVIRONMENT.map((variable) => {
    const names = variable.name
      .split(', ')
      .map((name) => `\`${name}\``)
      .join(', ');
    return `| ${names} | ${t(variable.meaning)} |`;
  });
  return ['| variable | effect |', '|---|---|', ...rows].join('\n');
}
