// The password-strength dictionaries (@zxcvbn-ts/language-*: common passwords, words, names) are
// most of the package's size. Each ships as a module calling decompress("…") on one long string in
// zxcvbn's own prefix format; this esbuild plugin replaces that string with its Brotli form
// (base64), inflated with node:zlib when the module loads, that is when a password is checked.
// Base64 costs almost nothing once the tarball is gzipped; Brotli saves ≈ 9 % over gzip here.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

const DICTIONARY_MODULE = /[\\/]@zxcvbn-ts[\\/]language-[a-z]+[\\/]dist[\\/][A-Za-z]+\.json\.[cm]js$/;
// The one call of such a module (ES module or CommonJS form): `decompress("…")`.
const CALL = /\b(decompress(?:__default\.default)?)\(("(?:[^"\\]|\\.)*")\);/;

/**
 * The esbuild plugin; modules that do not have the expected shape are left as they are. Brotli's
 * best setting takes ≈ 15 s for all of them, so each result is kept in `cacheDir`, by the SHA-256
 * of its input.
 */
export function compressedDictionaries(cacheDir) {
  return {
    name: 'compressed-dictionaries',
    setup(build) {
      build.onLoad({ filter: DICTIONARY_MODULE }, async ({ path }) => {
        const text = await readFile(path, 'utf8');
        const match = CALL.exec(text);
        if (!match) return undefined;
        const [call, decompress, literal] = match;
        const words = JSON.parse(literal);
        const packed = (await compressed(Buffer.from(words, 'utf8'), cacheDir)).toString('base64');
        return {
          loader: 'js',
          resolveDir: path.replace(/[\\/][^\\/]+$/, ''),
          // The module keeps its form (ES module or CommonJS, which the package's index require()s).
          contents: text.replace(
            call,
            () => `${decompress}(process.getBuiltinModule('node:zlib').brotliDecompressSync(Buffer.from('${packed}', 'base64')).toString('utf8'));`,
          ),
        };
      });
    },
  };
}

async function compressed(input, cacheDir) {
  const file = join(cacheDir, `${createHash('sha256').update(input).digest('hex')}.br`);
  try {
    const cached = await readFile(file);
    if (brotliDecompressSync(cached).equals(input)) return cached;
  } catch {
    // Not made yet, or unreadable: made again below.
  }
  {
    const output = brotliCompressSync(input, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: input.length },
    });
    await mkdir(cacheDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, output);
    await rename(temp, file);
    return output;
  }
}
