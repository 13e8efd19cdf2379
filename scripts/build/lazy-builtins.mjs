// Node built-in modules that espace's own code imports statically but uses only in some commands
// (node:child_process: the pager, the editor, the sandbox's process). Loading one costs
// milliseconds on every start; this esbuild plugin serves, for such an import from espace's
// sources, a module of the same functions that loads the built-in on the first call.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The built-ins served this way. Only their plain functions are exported (no classes, no values). */
export const LAZY_BUILTINS = ['node:child_process'];

/** The source of the stand-in module for `id`. */
export function lazyBuiltinModule(id) {
  const names = Object.entries(require(id))
    .filter(([name, value]) => typeof value === 'function' && /^[a-z]/.test(name))
    .map(([name]) => name);
  return [
    `const load = () => process.getBuiltinModule(${JSON.stringify(id)});`,
    ...names.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
  ].join('\n');
}

/**
 * Packages whose default export (a function) espace's sources call, that prepare tables and
 * expressions when they load, and that only some output needs (text wider than the terminal,
 * tables): each is loaded, through require() of the bundle, on the first call.
 */
export const LAZY_PACKAGES = ['string-width', 'wrap-ansi', 'cli-truncate'];

/** The esbuild plugin, for imports from `sourceDir` (packages keep theirs). */
export function lazyBuiltins(sourceDir) {
  return {
    name: 'lazy-builtins',
    setup(build) {
      const filter = new RegExp(`^(${LAZY_BUILTINS.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
      build.onResolve({ filter }, ({ path, importer, kind }) =>
        kind === 'import-statement' && importer.startsWith(sourceDir) ? { path, namespace: 'lazy-builtins' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'lazy-builtins' }, ({ path }) => ({ contents: lazyBuiltinModule(path), loader: 'js' }));
      const packages = new RegExp(`^(${LAZY_PACKAGES.join('|')})$`);
      build.onResolve({ filter: packages }, ({ path, importer, kind, resolveDir }) =>
        kind === 'import-statement' && importer.startsWith(sourceDir) ? { path, namespace: 'lazy-packages', pluginData: { resolveDir } } : undefined,
      );
      // esbuild runs a bundled module that is require()d when it is first required.
      build.onLoad({ filter: /.*/, namespace: 'lazy-packages' }, ({ path, pluginData }) => ({
        contents: `export default function (...args) { return require(${JSON.stringify(path)}).default(...args); }`,
        loader: 'js',
        resolveDir: pluginData.resolveDir,
      }));
    },
  };
}
