// @napi-rs/keyring inside the single executable: its native binding is an asset of the executable,
// written once to a private cache directory (created 0700, owned by this user, checked) under a
// name made of its SHA-256, checked again before each load, then loaded with process.dlopen.
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { getAsset } = require('node:sea');

const bytes = Buffer.from(getAsset('keyring.node'));
const digest = createHash('sha256').update(bytes).digest('hex');
const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
const dir = path.join(base, 'espace', 'native');
fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
const stat = fs.lstatSync(dir);
if (!stat.isDirectory() || stat.uid !== process.getuid() || (stat.mode & 0o077) !== 0) {
  throw new Error(`espace: ${dir} must be a directory of yours that no one else can write (chmod 700 ${dir})`);
}
const file = path.join(dir, `keyring-${digest.slice(0, 16)}.node`);
const intact = () => {
  try {
    const s = fs.lstatSync(file);
    return s.isFile() && s.uid === process.getuid() && createHash('sha256').update(fs.readFileSync(file)).digest('hex') === digest;
  } catch {
    return false;
  }
};
if (!intact()) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, bytes, { mode: 0o500 });
  fs.renameSync(temporary, file);
  if (!intact()) throw new Error(`espace: cannot write the keychain binding to ${file}`);
}
const binding = { exports: {} };
process.dlopen(binding, file);
module.exports = binding.exports;
