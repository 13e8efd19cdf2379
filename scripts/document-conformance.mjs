// The sandbox's generated /openapi.json against the official TMF files: every operation under a TMF
// base path exists in its specification (or is marked as an espace extension, with the reason), and
// the resource it answers with agrees with TMF's definition: each property both declare has the same
// JSON type, and each property TMF requires is declared. Extra properties are allowed (TMF's own
// extension pattern). Used by conformance.mjs; `node scripts/document-conformance.mjs --shared DIR
// --document FILE` checks a saved document.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const MAX_DEPTH = 4;

/** Each JSON specification in `tmfDir` with its base path (Swagger 2.0 `basePath`, without a trailing slash). */
export function loadSpecs(tmfDir) {
  return readdirSync(tmfDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      const spec = JSON.parse(readFileSync(join(tmfDir, file), 'utf8'));
      return { file, base: (spec.basePath ?? '').replace(/\/+$/, ''), spec };
    });
}

function resolve(root, node, seen = new Set()) {
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) return {};
    const target = node.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((at, key) => at?.[key], root);
    return resolve(root, target ?? {}, new Set([...seen, node.$ref]));
  }
  if (Array.isArray(node.allOf)) {
    const parts = node.allOf.map((part) => resolve(root, part, seen));
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part.properties ?? {}), node.properties ?? {}),
      required: [...new Set(parts.flatMap((part) => part.required ?? []).concat(node.required ?? []))],
    };
  }
  return node;
}

/** The JSON type a schema declares, or undefined when it does not say (unions, open schemas). */
function typeOf(schema) {
  if (typeof schema.type === 'string') return schema.type === 'integer' ? 'number' : schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function compare(ours, oursRoot, theirs, theirsRoot, where, problems, depth) {
  const mine = resolve(oursRoot, ours);
  const tmf = resolve(theirsRoot, theirs);
  const myType = typeOf(mine);
  const tmfType = typeOf(tmf);
  if (myType && tmfType && myType !== tmfType) {
    problems.push(`${where}: the sandbox declares ${myType}, TMF ${tmfType}`);
    return;
  }
  if (depth >= MAX_DEPTH) return;
  if (myType === 'array' && tmfType === 'array') {
    compare(mine.items ?? {}, oursRoot, tmf.items ?? {}, theirsRoot, `${where}[]`, problems, depth + 1);
    return;
  }
  if (myType !== 'object' || tmfType !== 'object' || !mine.properties) return;
  const declared = mine.properties;
  for (const name of tmf.required ?? []) {
    if (!(name in declared)) problems.push(`${where}: TMF requires "${name}", which the sandbox does not declare`);
  }
  for (const [name, schema] of Object.entries(tmf.properties ?? {})) {
    if (name in declared) compare(declared[name], oursRoot, schema, theirsRoot, `${where}.${name}`, problems, depth + 1);
  }
}

function successSchema(responses, kind) {
  for (const status of ['200', '201']) {
    const answer = responses?.[status];
    if (!answer) continue;
    return kind === 'openapi' ? answer.content?.['application/json']?.schema : answer.schema;
  }
  return undefined;
}

function specPath(spec, base, path) {
  const relative = path.slice(base.length) || '/';
  const wanted = relative.replace(/\{[^}]+\}/g, '{}');
  return Object.keys(spec.paths).find((candidate) => candidate.replace(/\{[^}]+\}/g, '{}') === wanted);
}

/**
 * The disagreements between `document` (the sandbox's OpenAPI 3 document) and the TMF specifications,
 * as readable lines, with what was checked.
 */
export function checkDocument(document, specs) {
  const problems = [];
  let operations = 0;
  let extensions = 0;
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const owner = specs.filter((s) => s.base && path.startsWith(`${s.base}/`)).sort((a, b) => b.base.length - a.base.length)[0];
    if (!owner) continue;
    for (const [method, operation] of Object.entries(item)) {
      const name = `${method.toUpperCase()} ${path} (${owner.file})`;
      const tmfPath = specPath(owner.spec, owner.base, path);
      const tmfOperation = tmfPath ? owner.spec.paths[tmfPath][method] : undefined;
      if (!tmfOperation) {
        if (typeof operation['x-espace-extension'] === 'string') extensions += 1;
        else problems.push(`${name}: not in the specification, and not marked as an espace extension`);
        continue;
      }
      operations += 1;
      const ours = successSchema(operation.responses, 'openapi');
      const theirs = successSchema(tmfOperation.responses, 'swagger');
      if (ours && theirs) compare(ours, document, theirs, owner.spec, name, problems, 0);
    }
  }
  return { problems, operations, extensions };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (flag) => process.argv[process.argv.indexOf(flag) + 1];
  const document = JSON.parse(readFileSync(arg('--document'), 'utf8'));
  const { problems, operations, extensions } = checkDocument(document, loadSpecs(join(arg('--shared'), 'tmf')));
  for (const problem of problems) console.log(`     ${problem}`);
  console.log(`document: ${operations} TMF operations and ${extensions} extensions checked, ${problems.length} disagreements`);
  process.exit(problems.length ? 1 : 0);
}
