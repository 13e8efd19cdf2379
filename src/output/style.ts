/**
 * The colours espace uses, by meaning rather than by hue. chalk is loaded only when colour is
 * on (see color-policy.ts): piped output and scripts never pay for it.
 */
export interface Palette {
  /** Whether these are colours at all: output drawn otherwise without colour (the QR code) asks. */
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  heading(text: string): string;
  error(text: string): string;
  warning(text: string): string;
  success(text: string): string;
}

const same = (text: string) => text;

export const PLAIN: Palette = { enabled: false, bold: same, dim: same, heading: same, error: same, warning: same, success: same };

export async function loadPalette(enabled: boolean): Promise<Palette> {
  if (!enabled) return PLAIN;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    enabled: true,
    bold: chalk.bold,
    dim: chalk.dim,
    heading: chalk.bold.cyan,
    error: chalk.red,
    warning: chalk.yellow,
    success: chalk.green,
  };
}
