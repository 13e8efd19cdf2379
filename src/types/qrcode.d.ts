/** The part of the `qrcode` package espace uses (it ships no type declarations). */
declare module 'qrcode' {
  interface ToStringOptions {
    type?: 'terminal' | 'utf8' | 'svg';
    small?: boolean;
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
    /** For `utf8`: white dark modules on black light ones draw the light modules as blocks. */
    color?: { dark?: string; light?: string };
  }
  export function toString(text: string, options?: ToStringOptions): Promise<string>;
  const qrcode: { toString: typeof toString };
  export default qrcode;
}
