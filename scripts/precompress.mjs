// Writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9) beside every .css, .js and .json
// under the folder given, when missing or older than FILE. The server sends them with
// Content-Encoding (components/compression.py) instead of compressing on every request.
// Usage: node scripts/precompress.mjs assets/vendor
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TEXT = /\.(css|js|json)$/;
const MIN_BYTES = 1024; // below that the headers outweigh what compression saves

function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (TEXT.test(entry.name)) yield path;
  }
}

const fresh = (target, source) => {
  try {
    return statSync(target).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    return false;
  }
};

for (const path of files(process.argv[2])) {
  const body = readFileSync(path);
  if (body.length < MIN_BYTES) continue;
  if (!fresh(`${path}.br`, path)) {
    const params = {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    };
    writeFileSync(`${path}.br`, brotliCompressSync(body, { params }));
  }
  if (!fresh(`${path}.gz`, path)) writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
}
