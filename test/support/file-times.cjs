/**
 * The suite's slowest files, printed after `npm test` (test/all.mocharc.cjs requires this file), so
 * that the next engineer sees where the suite's time goes. Each worker process times every test
 * file it runs (from the file's first root hook to its last) and appends the time to a file the
 * main process made; the main process prints the ten longest when the run ends. The times are wall
 * times with the other workers running beside, so they add up to more than the run took.
 */
const { appendFileSync, mkdtempSync, readFileSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");

const VARIABLE = "RAM_INVITATIONS_TEST_FILE_TIMES";
const SHOWN = 10;
let started = 0;

exports.mochaGlobalSetup = function () {
    process.env[VARIABLE] = path.join(mkdtempSync(path.join(tmpdir(), "test-file-times-")), "times.tsv");
};

exports.mochaGlobalTeardown = function () {
    const file = process.env[VARIABLE];
    let lines;
    try {
        lines = readFileSync(file, "utf8").trim().split("\n").filter(Boolean);
    } catch {
        return; // no file finished
    } finally {
        rmSync(path.dirname(file), { recursive: true, force: true });
    }
    const times = lines
        .map((line) => line.split("\t"))
        .map(([seconds, name]) => ({ seconds: Number(seconds), name }))
        .sort((a, b) => b.seconds - a.seconds);
    const rows = times.slice(0, SHOWN).map(({ seconds, name }) => `  ${seconds.toFixed(1).padStart(7)} s  ${name}`);
    console.log(`\n  The ${Math.min(SHOWN, times.length)} slowest of ${times.length} test files (wall time, workers side by side):\n${rows.join("\n")}\n`);
};

exports.mochaHooks = {
    beforeAll() {
        started = Date.now();
    },
    afterAll() {
        const file = process.env[VARIABLE];
        const suites = this.test && this.test.parent ? this.test.parent.suites : [];
        const names = [...new Set(suites.map((suite) => suite.file).filter(Boolean))];
        if (file && names.length > 0) {
            const name = names.map((n) => path.relative(path.resolve(__dirname, "..", ".."), n)).join(",");
            appendFileSync(file, `${((Date.now() - started) / 1000).toFixed(1)}\t${name}\n`);
        }
    },
};
