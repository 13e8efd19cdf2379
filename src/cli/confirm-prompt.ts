/**
 * A yes/no prompt in the user's language: `(o/N)` and `Oui`/`Non` in French, `(y/N)` and
 * `Yes`/`No` in English. @inquirer/prompts' confirm reads only y/yes/n/no and takes anything else
 * (even `o`, "oui") as its default, so this one is built on the same core and asks again instead.
 * Loaded only when a confirmation is shown.
 */
import { createPrompt, isEnterKey, isTabKey, makeTheme, useKeypress, usePrefix, useState } from '@inquirer/core';
import type { Lang, Translate } from '../i18n/catalog.js';
import { parseYesNo } from './yes-no.js';

export interface LocalizedConfirmConfig {
  message: string;
  /** The answer Enter alone gives. */
  default: boolean;
  lang: Lang;
  t: Translate;
}

export const localizedConfirm = createPrompt<boolean, LocalizedConfirmConfig>((config, done) => {
  const { t } = config;
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const theme = makeTheme();
  const prefix = usePrefix({ status, theme });
  const label = (answer: boolean) => t(answer ? 'prompt.confirm.yes' : 'prompt.confirm.no');

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const answer = parseYesNo(value, config.lang, config.default);
      if (answer === undefined) {
        // Enter has cleared readline's line: put the text back so that it can be corrected.
        rl.write(value);
        setError(t('prompt.confirm.invalid'));
        return;
      }
      setValue(label(answer));
      setStatus('done');
      done(answer);
    } else if (isTabKey(key)) {
      // Tab offers the other answer than the one typed (or than the default), spelled out.
      const typed = parseYesNo(value, config.lang, config.default);
      const other = label(!(typed ?? config.default));
      rl.clearLine(0);
      rl.write(other);
      setValue(other);
      setError(undefined);
    } else {
      setValue(rl.line);
      setError(undefined);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(value)}`;
  const hint = theme.style.defaultAnswer(t(config.default ? 'prompt.confirm.hintYes' : 'prompt.confirm.hintNo'));
  return [`${prefix} ${message} ${hint} ${value}`, error ? theme.style.error(error) : ''];
});
