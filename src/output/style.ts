/**
 * The colours espace uses, by meaning rather than by hue. chalk is loaded only when colour is
 * on (a terminal, and neither NO_COLOR nor --no-color): piped output and scripts never pay for it.
 */
export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  heading(text: string): string;
  error(text: string): string;
  warning(text: string): string;
  success(text: string): string;
}

const same = (text: string) => text;

export const PLAIN: Palette = { bold: same, dim: same, heading: same, error: same, warning: same, success: same };

export async function loadPalette(enabled: boolean): Promise<Palette> {
  if (!enabled) return PLAIN;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    bold: chalk.bold,
    dim: chalk.dim,
    heading: chalk.bold.cyan,
    error: chalk.red,
    warning: chalk.yellow,
    success: chalk.green,
  };
}
