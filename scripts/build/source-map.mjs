// Source maps for the CommonJS pass: moving a chunk's map into the file that embeds it, and
// joining the maps of consecutive parts of a file into one (base64 VLQ, as the format defines).
import { dirname, relative, resolve } from 'node:path';

// The digits of source maps' base64 VLQ.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map made for one output file, with its sources relative to another. */
export function relocate(map, from, to) {
  return { ...map, sources: map.sources.map((source) => relative(dirname(to), resolve(dirname(from), source))) };
}

/** One source map from maps of consecutive parts of a file (Node 20 ignores index maps). */
export function flatten(parts) {
  const sources = [];
  const sourcesContent = [];
  const names = [];
  const lines = [];
  for (const { offset, map } of parts) {
    const sourceIndex = map.sources.map((source, index) => {
      if (!sources.includes(source)) {
        sources.push(source);
        sourcesContent.push(map.sourcesContent?.[index] ?? null);
      }
      return sources.indexOf(source);
    });
    const nameIndex = map.names.map((name) => (names.includes(name) ? names.indexOf(name) : names.push(name) - 1));
    decode(map.mappings).forEach((segments, line) => {
      lines[offset.line + line] = segments.map(([column, source, sourceLine, sourceColumn, name]) =>
        source === undefined ? [column] : [column, sourceIndex[source], sourceLine, sourceColumn, ...(name === undefined ? [] : [nameIndex[name]])],
      );
    });
  }
  return { version: 3, sources, sourcesContent, names, mappings: encode(Array.from(lines, (line) => line ?? [])) };
}

/** Source map mappings as lines of segments with absolute values. */
function decode(mappings) {
  const state = [0, 0, 0, 0, 0];
  return mappings.split(';').map((line) => {
    state[0] = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((segment) => {
        const values = [];
        for (let index = 0, value = 0, shift = 0; index < segment.length; index++) {
          const digit = BASE64.indexOf(segment[index]);
          value += (digit & 31) << shift;
          if (digit & 32) {
            shift += 5;
          } else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        return values.map((value, field) => (state[field] += value));
      });
  });
}

function encode(lines) {
  const state = [0, 0, 0, 0, 0];
  return lines
    .map((segments) => {
      state[0] = 0;
      return segments
        .map((segment) =>
          segment
            .map((value, field) => {
              let delta = value - state[field];
              state[field] = value;
              let vlq = delta < 0 ? (-delta << 1) | 1 : delta << 1;
              let text = '';
              do {
                const digit = vlq & 31;
                vlq >>>= 5;
                text += BASE64[vlq > 0 ? digit | 32 : digit];
              } while (vlq > 0);
              return text;
            })
            .join(''),
        )
        .join(',');
    })
    .join(';');
}
