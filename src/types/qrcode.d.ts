/** The part of the `qrcode` package espace uses (it ships no type declarations). */
declare module 'qrcode' {
  interface ToStringOptions {
    type?: 'terminal' | 'utf8' | 'svg';
    small?: boolean;
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
  }
  export function toString(text: string, options?: ToStringOptions): Promise<string>;
  const qrcode: { toString: typeof toString };
  export default qrcode;
}
