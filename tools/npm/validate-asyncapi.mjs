// Validates an AsyncAPI document with the official parser, the way the AsyncAPI tools would read it:
// relative file $refs (our message JSON Schemas) are resolved from the document's own directory, and
// every diagnostic is printed as file:line:column, severity, rule and the JSON path it points at.
// Exits 1 on any error, 2 when the file cannot be read; warnings are printed but do not fail.
//
// The parser knows JSON Schema draft-07 payloads only, and for an AsyncAPI 3 document it silently skips a
// payload in a format it has no parser for. Our payloads are JSON Schema 2020-12 files, so a schema parser
// for "application/schema+json;version=2020-12" is registered here: it compiles each payload with Ajv's
// 2020-12 dialect (strict, formats on), which checks it against the 2020-12 meta-schema, and validates the
// schema's own `examples` against it; a problem fails the parse with an error diagnostic.
//
//   node validate-asyncapi.mjs [path/to/asyncapi.yaml]      (default: ../../docs/asyncapi.yaml)

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, fromFile } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'docs', 'asyncapi.yaml'));

// DiagnosticSeverity of @stoplight/types
const SEVERITIES = ['error', 'warning', 'info', 'hint'];

if (!existsSync(file)) {
	console.error(`AsyncAPI: ${file} does not exist`);
	process.exit(2);
}

const jsonSchema2020 = {
	getMimeTypes: () => ['application/schema+json;version=2020-12', 'application/schema+yaml;version=2020-12'],
	async validate({ data, path: where }) {
		const ajv = new Ajv2020.default({ strict: true, allErrors: true, validateFormats: true });
		addFormats.default(ajv);
		let validate;
		try {
			validate = ajv.compile(data);
		}
		catch (e) {
			return [{ message: `not a valid JSON Schema 2020-12: ${e.message}`, path: where }];
		}
		return (data.examples ?? []).flatMap((example, i) => (validate(example) ? [] : validate.errors.map((error) => ({
			message: `example ${i} ${error.instancePath || '/'} ${error.message}`, path: [...where, 'examples', i],
		}))));
	},
	async parse(input) {
		const problems = await jsonSchema2020.validate(input);
		if (problems.length) {
			throw new Error(problems.map((problem) => `/${problem.path.join('/')}: ${problem.message}`).join('\n'));
		}
		return input.data;
	},
};

const parser = new Parser();
parser.registerSchemaParser(jsonSchema2020);
const { document, diagnostics } = await fromFile(parser, file).parse({ source: file });

const counts = { error: 0, warning: 0, info: 0, hint: 0 };
for (const diagnostic of diagnostics) {
	const severity = SEVERITIES[diagnostic.severity] ?? 'error';
	counts[severity]++;
	const where = diagnostic.range
		? `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`
		: '?';
	const source = path.relative(process.cwd(), diagnostic.source ?? file) || file;
	const at = diagnostic.path?.length ? `  at ${diagnostic.path.join('.')}` : '';
	console.log(`${source}:${where}  ${severity.padEnd(7)}  ${diagnostic.code}  ${diagnostic.message}${at}`);
}

const summary = `${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos, ${counts.hint} hints`;
if (!document || counts.error > 0) {
	console.log(`AsyncAPI: ${path.relative(process.cwd(), file)} is NOT valid (${summary})`);
	process.exit(1);
}

const channels = document.channels().all().map((channel) => channel.address());
const messages = document.allMessages().all().map((message) => message.id());
console.log(`AsyncAPI ${document.version()}: ${path.relative(process.cwd(), file)} is valid (${summary}); `
	+ `${channels.length} channels [${channels.join(', ')}], ${messages.length} messages [${messages.join(', ')}]`);
