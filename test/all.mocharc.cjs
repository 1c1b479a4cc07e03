/**
 * The whole suite as `npm test` runs it: every test file (test/**\/*.test.ts), in parallel worker
 * processes, one file per worker at a time (`mocha --config test/all.mocharc.cjs`). The end-to-end
 * files spend most of their time waiting on the Pulumi CLI, its plugins and the emulator's injected
 * latency, so several run side by side on 2 cores. MOCHA_JOBS sets how many (default 3).
 *
 * What the files share is made safe for it: every stack has its own temporary PULUMI_HOME, backend
 * and project folder, every emulator and proxy its own port, the harness kills only its own runs'
 * processes, and the shared installs (scripts/ensure-pulumi, install-checkout, install-sdk,
 * install-python-sdk) take a lock (scripts/install-lock.ts) and do nothing when current.
 *
 * Files start longest first (the list below; the rest in name order), so that the longest is not
 * the last to start. A file not in the list still runs; a name that no longer exists is dropped.
 * Run one file as before with `npx mocha <file>` (.mocharc.json: serial, output as it comes).
 */
const { readdirSync } = require("node:fs");
const path = require("node:path");
const base = require("../.mocharc.json");

const REPO = path.resolve(__dirname, "..");

/** The longest files first, by their wall time in `npm test` (the ten slowest it prints at the end). */
const LONGEST_FIRST = [
    "test/e2e/components.test.ts",
    "test/e2e/plugin-programs.test.ts",
    "test/e2e/release.test.ts",
    "test/e2e/checkpoint-free.test.ts",
    "test/e2e/acceptance.test.ts",
    "test/e2e/rejection-refactoring.test.ts",
    "test/e2e/provider-config.test.ts",
    "test/e2e/root-project.test.ts",
    "test/e2e/policy.test.ts",
    "test/e2e/checkpoint-free-languages.test.ts",
    "test/e2e/rejection-crashes.test.ts",
    "test/e2e/rejections.test.ts",
    "test/e2e/plugin-policy-programs.test.ts",
    "test/e2e/provider-config-yaml.test.ts",
    "test/e2e/provider-config-python.test.ts",
    "test/e2e/plugin-diagnostics.test.ts",
    "test/e2e/engine-gone.test.ts",
    "test/e2e/fleet.test.ts",
    "test/e2e/organization-policy.test.ts",
    "test/e2e/organization-policy-languages.test.ts",
    "test/e2e/previews.test.ts",
    "test/e2e/failures.test.ts",
    "test/e2e/own-project.test.ts",
    "test/e2e/root-project-type-check.test.ts",
    "test/e2e/sdk-current.test.ts",
    "test/e2e/readme-programs.test.ts",
    "test/e2e/plugin-migration.test.ts",
    "test/emulator/wire/aws-cli.test.ts",
];

const all = readdirSync(path.join(REPO, "test"), { recursive: true })
    .map((file) => path.join("test", String(file)))
    .filter((file) => file.endsWith(".test.ts"))
    .sort();
const first = LONGEST_FIRST.filter((file) => all.includes(file));
const spec = [...first, ...all.filter((file) => !first.includes(file))].map((file) => path.join(REPO, file));

module.exports = {
    ...base,
    // The slowest files, printed when the run ends (support/file-times.cjs).
    require: [...base.require, path.join(__dirname, "support", "file-times.cjs")],
    spec,
    parallel: true,
    jobs: Number(process.env.MOCHA_JOBS || 3),
};
