/**
 * Pulumi type-checks a TypeScript program at every run (ts-node's default), and for a small program
 * the check is most of its CPU: about 3 of the root program's 6 CPU seconds per `preview` or `up`
 * (ts-node's `createProgram` in a V8 profile of it). A copied project's program is the same at every
 * run of a test file, so the harness checks each distinct copy once per process, with the project's
 * own compiler and tsconfig.json (`tsc --noEmit -p`: the same check, over every file the project
 * includes rather than only those the program imports), and runs it transpile-only after that.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { filesUnder, hashFiles } from "./file-hash";

const run = promisify(execFile);

/** The checks made in this process, by what was checked (the copy's files and what it links). */
const checked = new Map<string, Promise<void>>();

/**
 * The tsconfig.json Pulumi's Node.js host compiles the project's program with: the one in the
 * folder of Pulumi.yaml's `main` (the program's working directory), for a nodejs project.
 */
function tsconfigOf(projectDir: string): string | undefined {
    const projectFile = path.join(projectDir, "Pulumi.yaml");
    if (!existsSync(projectFile)) {
        return undefined;
    }
    const project = readFileSync(projectFile, "utf8");
    if (!/^runtime:\s*(nodejs\s*$|\n\s+name:\s*nodejs\s*$)/m.test(project)) {
        return undefined;
    }
    const main = /^main:\s*(\S+)/m.exec(project)?.[1] ?? ".";
    const mainPath = path.join(projectDir, main);
    const programDir = /\.[cm]?[jt]s$/.test(main) ? path.dirname(mainPath) : mainPath;
    const tsconfig = path.join(programDir, "tsconfig.json");
    return existsSync(tsconfig) ? tsconfig : undefined;
}

/**
 * Type-checks the copied project in `projectDir` unless the same files (with the same `links`) were
 * checked before in this process. True when its runs may be transpile-only; false when it is not a
 * TypeScript project with a tsconfig.json, or has no compiler of its own to check it with (Pulumi's
 * own check at every run then stays). Throws, as Pulumi's check would fail the run, on a type error.
 */
export async function typeCheckOnce(projectDir: string, links: Record<string, string>): Promise<boolean> {
    const tsconfig = tsconfigOf(projectDir);
    let tsc: string;
    try {
        tsc = require.resolve("typescript/bin/tsc", { paths: [path.dirname(tsconfig ?? projectDir)] });
    } catch {
        return false;
    }
    if (!tsconfig) {
        return false;
    }
    const key = hashFiles(projectDir, filesUnder(projectDir), JSON.stringify(links));
    if (!checked.has(key)) {
        checked.set(key, typeCheck(tsc, tsconfig));
    }
    await checked.get(key);
    return true;
}

async function typeCheck(tsc: string, tsconfig: string): Promise<void> {
    try {
        await run(process.execPath, [tsc, "--noEmit", "--pretty", "false", "-p", tsconfig], {
            cwd: path.dirname(tsconfig),
            maxBuffer: 16 * 1024 * 1024,
        });
    } catch (err) {
        const output = (err as { stdout?: string }).stdout ?? String(err);
        throw new Error(`Unable to compile TypeScript (${tsconfig}):\n${output}`, { cause: err });
    }
}
