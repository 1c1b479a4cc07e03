/** Looking at a stack as a user can: the CLI's own output, and every file of its backend. */
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import * as path from "node:path";
import { expect } from "chai";
import { fileURLToPath } from "node:url";
import type { PulumiHarness } from "../../scripts/pulumi-harness";

/** Everything a user can read of a stack: both exports (secrets shown) and every backend file. */
export interface StackTexts {
    exported: string;
    cliExport: string;
    backendFiles: [string, string][];
}

/**
 * Asserts that none of `secrets` appears in the stack: in the Automation API's export, in
 * `pulumi stack export --show-secrets`, or in any file of the backend (checkpoints, history,
 * backups, locks). `marker` (e.g. an invitation ARN) must appear in each, so the texts are the stack's.
 * With `showSecrets: false`, for values the state keeps as secrets: in `pulumi stack export` and
 * the backend's files only (both exports above show secrets decrypted).
 */
export async function expectNoneInStack(
    harness: PulumiHarness,
    secrets: string[],
    marker: string,
    { showSecrets = true }: { showSecrets?: boolean } = {},
): Promise<StackTexts> {
    expect(secrets.length, "secrets to look for").to.be.greaterThan(0);
    const exported = JSON.stringify(await harness.stack.exportStack());
    const shown = showSecrets ? ["--show-secrets"] : [];
    const cliExport = await runPulumi(harness, ["stack", "export", ...shown, "--stack", harness.stack.name]);
    const backendFiles = await readAllFiles(fileURLToPath(harness.env.PULUMI_BACKEND_URL.split("?")[0]));
    expect(exported).to.contain(marker);
    expect(cliExport).to.contain(marker);
    expect(backendFiles.filter(([, text]) => text.includes(marker))).not.to.be.empty;
    for (const [where, text] of [
        ...(showSecrets ? [["Automation API export", exported]] : []),
        [`pulumi stack export ${shown.join(" ")}`.trim(), cliExport],
        ...backendFiles,
    ]) {
        for (const secret of secrets) {
            expect(text, where).not.to.contain(secret);
        }
    }
    return { exported, cliExport, backendFiles };
}

/** Runs the harness's `pulumi` binary with its environment; resolves to stdout, rejects on a non-zero exit. */
export function runPulumi(harness: PulumiHarness, args: string[]): Promise<string> {
    return runPulumiWithLogs(harness, args).then(({ stdout }) => stdout);
}

/** Runs the harness's `pulumi` binary; resolves to what it printed on stdout and stderr. */
export function runPulumiWithLogs(harness: PulumiHarness, args: string[]): Promise<{ stdout: string; stderr: string }> {
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
            code === 0
                ? resolve({ stdout, stderr })
                : reject(new Error(`pulumi ${args.join(" ")} exited with ${code}: ${stderr}`)),
        );
    });
}

/** [path, text] of every file under `root` (for a file backend: checkpoints, history, backups, locks). */
export async function readAllFiles(root: string): Promise<[string, string][]> {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    return Promise.all(files.map(async (file) => [file, await readFile(file, "utf8")] as [string, string]));
}
