/**
 * The sources a release is built from: the commit checked out, exactly (a clean tree, exported with
 * `git archive`, so nothing built, stamped or left over in the checkout can slip into an artifact).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";

/** What keeps `repo` from being released as it is (uncommitted or untracked files); undefined when clean. */
export function dirtyTreeProblem(repo: string): string | undefined {
    const status = execFileSync("git", ["status", "--porcelain", "--untracked-files=normal"], {
        cwd: repo,
        encoding: "utf8",
    }).trimEnd();
    if (status === "") {
        return undefined;
    }
    const files = status.split("\n").map((line) => line.slice(3));
    const shown = files.slice(0, 10).join(", ") + (files.length > 10 ? `, and ${files.length - 10} more` : "");
    return (
        `the working tree is not clean (${shown}): a release is built from a commit, exactly. ` +
        `Commit or remove these changes, then run the release again`
    );
}

/** The commit checked out in `repo`. */
export function headCommit(repo: string): string {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: repo, encoding: "utf8" }).trim();
}

/**
 * Exports the commit checked out in `repo` into `into`, with `version` in its package.json, and
 * links the checkout's node_modules there (the build tools and the dependencies the plugin bundle
 * copies; npm ci installed them from the lock file).
 */
export function stageSources(repo: string, into: string, version: string): void {
    mkdirSync(into, { recursive: true });
    const archive = execFileSync("git", ["archive", "--format=tar", "HEAD"], { cwd: repo, maxBuffer: 1 << 30 });
    execFileSync("tar", ["-x", "-C", into], { input: archive });
    symlinkSync(path.join(repo, "node_modules"), path.join(into, "node_modules"));
    const manifestFile = path.join(into, "package.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
    writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
}
