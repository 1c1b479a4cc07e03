/** Looking at a stack as a user can: the CLI's own output, and every file of its backend. */
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import * as path from "node:path";
import type { PulumiHarness } from "../../scripts/pulumi-harness";

/** Runs the harness's `pulumi` binary with its environment; resolves to stdout, rejects on a non-zero exit. */
export function runPulumi(harness: PulumiHarness, args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn("pulumi", args, {
            cwd: harness.stack.workspace.workDir,
            env: { ...process.env, ...harness.env },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (code) =>
            code === 0 ? resolve(stdout) : reject(new Error(`pulumi ${args.join(" ")} exited with ${code}: ${stderr}`)),
        );
    });
}

/** [path, text] of every file under `root` (for a file backend: checkpoints, history, backups, locks). */
export async function readAllFiles(root: string): Promise<[string, string][]> {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    return Promise.all(files.map(async (file) => [file, await readFile(file, "utf8")] as [string, string]));
}
