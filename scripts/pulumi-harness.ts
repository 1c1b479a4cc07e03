/**
 * Runs the real Pulumi CLI hermetically, for end-to-end tests and the demo.
 *
 * Operations go through the Automation API (`harness.stack.up()`, `.preview()`, `.refresh()`,
 * `.destroy()`, `.exportStack()`, ...): it drives the same `pulumi` binary a user runs and returns
 * typed results (change summaries, outputs, engine events) instead of text to parse; the outputs and
 * summaries it would ask the CLI for after each update are read from the file backend instead
 * (backend-records.ts, the same records the CLI reads). A crash test
 * instead starts `pulumi up` as a plain child process (`spawnUp`) that it can SIGKILL.
 *
 * Hermetic means: a temporary PULUMI_HOME and file backend, a passphrase secrets provider, no
 * update check, no plugin downloads, no AWS profile, config file or variable of the machine, and a
 * Pulumi.yaml/stack config in a temporary folder (never next to the program): either written by the
 * harness for a test fixture, or a copy of a project that runs exactly as a user runs it. `dispose()`
 * removes all of it and kills every process a run left behind; the CLI does not stop the dynamic
 * provider processes of a killed update, so the harness finds them through a marker variable that
 * every process it starts inherits (this part reads /proc, so it needs Linux).
 *
 * The CLI comes from scripts/ensure-pulumi (built from the pinned Go modules on first use).
 */
import { ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { ConfigMap, LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { awsVariableNames } from "../emulator";
import { readRecordsFromBackend } from "./backend-records";
import { typeCheckOnce } from "./type-check-once";

const repoRoot = path.resolve(__dirname, "..");

/** Inherited by every process of a run; its value says which harness (and which spawned run). */
const RUN_MARKER = "PULUMI_HARNESS_RUN";

/** A project to run as a user runs it: its own Pulumi.yaml, copied with the files it needs. */
export interface ProjectCopy {
    /** The folder to copy from; its node_modules is linked into the copy. */
    root: string;
    /** The files and folders (relative to `root`) to copy, Pulumi.yaml among them. */
    paths: string[];
    /**
     * What to link into the copy, by name: e.g. `{ node_modules: "/repo/node_modules", venv: "/repo/.tools/venv" }`.
     * Default: `root`'s node_modules.
     */
    links?: Record<string, string>;
}

export type PulumiHarnessOptions = (
    | {
          /**
           * The program's entry file, e.g. a fixture's index.ts. It runs where it is, so its relative
           * imports and the repository's node_modules resolve as in unit tests, and it is compiled with
           * the repository's tsconfig.json (transpile only: `npm run typecheck` does the type checking).
           */
          program: string;
          /** Project name: the namespace of config keys and part of every URN. Default: the program's folder name. */
          project?: string;
          copy?: undefined;
          typeCheckEveryRun?: undefined;
      }
    | {
          /**
           * Run a copy of this project exactly as Pulumi runs a user's: its Pulumi.yaml as written, its
           * program type-checked with its own tsconfig.json (once per process for the same files).
           */
          copy: ProjectCopy;
          /**
           * Type-check the program at every run, as Pulumi does by default, instead of once per process
           * for the same files: for a test that edits the program between runs or asserts the check.
           */
          typeCheckEveryRun?: boolean;
          program?: undefined;
          project?: undefined;
      }
) &
    CommonOptions;

interface CommonOptions {
    /** Stack name. Default: `test`. */
    stack?: string;
    /** Stack configuration, set before the first operation; `secret: true` values are encrypted. */
    config?: ConfigMap;
    /**
     * Variables for every process of a run: the CLI, the language host, the program and the provider
     * processes (e.g. AWS_ENDPOINT_URL_RAM, AWS_REGION and credentials). They override the defaults.
     */
    env?: Record<string, string>;
    /**
     * Query of the file backend's URL, e.g. `metadata=skip` (the blob library then keeps no
     * `.attrs` sidecar beside each file). Default: none, as `pulumi login file://...` gives.
     */
    backendQuery?: string;
}

/** An operation the engine started but never saw finish, as recorded in the stack's checkpoint. */
export interface PendingOperation {
    type: "creating" | "updating" | "deleting" | "reading" | "importing";
    resource: { urn: string; type: string; id?: string };
}

/** A `pulumi` process started by `spawnUp`. */
export interface PulumiRun {
    /** The CLI process. */
    readonly child: ChildProcess;
    /** Resolves when the CLI has exited: its exit code, or null when a signal ended it. */
    readonly exited: Promise<number | null>;
    /** Everything the CLI printed so far, stdout and stderr interleaved. */
    output(): string;
    /**
     * SIGKILLs the CLI and every process it started (language host, program, providers) at once, as
     * when a CI runner dies, and resolves when all are gone. The stack lock and pending operations
     * stay behind: see `PulumiHarness.recoverFromCrash`.
     */
    crash(): Promise<void>;
}

let pulumiBinDir: Promise<string> | undefined;

/**
 * The folder holding `pulumi`, its Node.js language host and the dynamic-provider launcher.
 * Runs scripts/ensure-pulumi once per process (minutes when it has to build, instant after); its
 * progress goes to this process's stderr.
 */
export function ensurePulumi(): Promise<string> {
    pulumiBinDir ??= new Promise((resolve, reject) => {
        const script = path.join(repoRoot, "scripts", "ensure-pulumi");
        const child = spawn(script, { stdio: ["ignore", "pipe", "inherit"] });
        let stdout = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
        child.on("error", reject);
        child.on("close", (code) => {
            const lastLine = stdout.trim().split("\n").pop();
            if (code === 0 && lastLine) {
                resolve(lastLine);
            } else {
                reject(new Error(`${script} failed (exit code ${code})`));
            }
        });
    });
    return pulumiBinDir;
}

export class PulumiHarness {
    private runs = 0;

    private constructor(
        /** The stack, for every Automation API operation: up, preview, refresh, destroy, exportStack, ... */
        readonly stack: Stack,
        /** The variables every run gets on top of this process's environment. */
        readonly env: Readonly<Record<string, string>>,
        private readonly binDir: string,
        private readonly tempDir: string,
        private readonly id: string,
    ) {}

    /** Creates a fresh stack in a fresh temporary home and backend. Call `dispose()` when done. */
    static async create(options: PulumiHarnessOptions): Promise<PulumiHarness> {
        const binDir = await ensurePulumi();
        const tempDir = await mkdtemp(path.join(tmpdir(), "pulumi-e2e-"));
        const id = randomUUID();
        try {
            const workDir = options.copy ? await copyProject(options.copy, path.join(tempDir, "project")) : tempDir;
            // The harness's own project compiles the fixture without type checks (npm run typecheck has
            // them). A copied project is type-checked as Pulumi checks it, once per process for the
            // same files (scripts/type-check-once.ts), or at every run when the test asks for it.
            const transpileOnly = options.copy
                ? !options.typeCheckEveryRun && (await typeCheckOnce(workDir, linksOf(options.copy)))
                : true;
            const env = {
                ...(transpileOnly ? { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } : {}),
                ...hermeticEnv(tempDir, binDir, id, options.env ?? {}, options.backendQuery),
            };
            await mkdir(path.join(tempDir, "state")); // the file backend does not create its root
            const pulumiCommand = await pulumiCommandIn(path.dirname(binDir));
            const workspace = options.copy
                ? await LocalWorkspace.create({
                      workDir,
                      envVars: env,
                      pulumiCommand,
                      secretsProvider: "passphrase",
                  })
                : await LocalWorkspace.create({
                      workDir: tempDir,
                      envVars: env,
                      pulumiCommand,
                      projectSettings: {
                          name: options.project ?? path.basename(path.dirname(options.program)),
                          runtime: {
                              name: "nodejs",
                              options: { typescript: true, tsconfig: path.join(repoRoot, "tsconfig.json") },
                          },
                          main: path.resolve(options.program),
                      },
                      secretsProvider: "passphrase",
                  });
            const stack = await Stack.create(options.stack ?? "test", workspace);
            readRecordsFromBackend(stack, path.join(tempDir, "state"));
            if (options.config) {
                await stack.setAllConfig(options.config);
            }
            return new PulumiHarness(stack, env, binDir, tempDir, id);
        } catch (err) {
            await rm(tempDir, { recursive: true, force: true });
            throw err;
        }
    }

    /**
     * Starts `pulumi up --yes --skip-preview` (plus `args`) as a plain child process, for a test that
     * kills it mid-update. Await `exited` or call `crash()`; `dispose()` ends it otherwise.
     */
    spawnUp(args: string[] = []): PulumiRun {
        return this.spawnPulumi(["up", "--yes", "--skip-preview", "--stack", this.stack.name, ...args]);
    }

    /** Starts `pulumi destroy --yes --skip-preview` (plus `args`) as `spawnUp` starts an up. */
    spawnDestroy(args: string[] = []): PulumiRun {
        return this.spawnPulumi(["destroy", "--yes", "--skip-preview", "--stack", this.stack.name, ...args]);
    }

    /**
     * Runs `pulumi <args>` on this stack as a user types it (e.g. `import`), to the end: its exit
     * code and its output (stdout and stderr as they came). `stack: false` for a command that takes
     * no stack (e.g. `plugin install`).
     */
    async runPulumi(
        args: string[],
        options: { stack?: boolean } = {},
    ): Promise<{ code: number | null; output: string }> {
        const run = this.spawnPulumi(options.stack === false ? args : [...args, "--stack", this.stack.name]);
        const code = await run.exited;
        return { code, output: run.output() };
    }

    /** Starts `pulumi <args> --non-interactive` in the project's folder, in the harness's environment. */
    private spawnPulumi(args: string[]): PulumiRun {
        const runId = `${this.id}/${++this.runs}`;
        const child = spawn(path.join(this.binDir, "pulumi"), [...args, "--non-interactive"], {
            cwd: this.stack.workspace.workDir,
            env: { ...process.env, ...this.env, [RUN_MARKER]: runId },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
        const exited = new Promise<number | null>((resolve, reject) => {
            child.on("error", reject);
            child.on("close", resolve);
        });
        return { child, exited, output: () => output, crash: () => killMarked((value) => value === runId) };
    }

    /** The operations the last update left unfinished (empty after a clean run). */
    async pendingOperations(): Promise<PendingOperation[]> {
        const { deployment } = await this.stack.exportStack();
        return deployment.pending_operations ?? [];
    }

    /**
     * After a crashed update: releases the stack lock the killed CLI left behind (`pulumi cancel`)
     * and returns the operations it left pending. Pulumi keeps pending creates until told to drop
     * them (`stack.refresh({ clearPendingCreates: true })`); an `up` before that completes the
     * update but leaves them recorded.
     */
    async recoverFromCrash(): Promise<PendingOperation[]> {
        await removeEmptySidecars(this.backendDir);
        await this.stack.cancel();
        return this.pendingOperations();
    }

    /** The folder of the stack's file backend (its `.pulumi/` holds the checkpoints). */
    get backendDir(): string {
        return path.join(this.tempDir, "state");
    }

    /** Kills every process this harness's runs left behind, then deletes the home, backend and workspace. */
    async dispose(): Promise<void> {
        await killMarked((value) => value === this.id || value.startsWith(`${this.id}/`));
        await rm(this.tempDir, { recursive: true, force: true });
    }
}

/**
 * The environment of every run, on top of this process's. Machine AWS settings are blanked (an empty
 * value counts as unset for the AWS SDK) so a provider sees only what the test passes.
 */
function hermeticEnv(
    tempDir: string,
    binDir: string,
    id: string,
    extra: Record<string, string>,
    backendQuery: string | undefined,
): Record<string, string> {
    const blankedAws = awsVariableNames();
    return {
        ...Object.fromEntries(blankedAws.map((name) => [name, ""])),
        // The checkout's plugin executable (node_modules/.bin) on PATH, where the engine finds a plugin
        // installed as a command: the examples name no `plugins:` folder, as a user's programs do not.
        PATH: [binDir, path.join(repoRoot, "node_modules", ".bin"), process.env.PATH ?? ""].join(path.delimiter),
        PULUMI_HOME: path.join(tempDir, "home"),
        PULUMI_BACKEND_URL: pathToFileURL(path.join(tempDir, "state")).href + (backendQuery ? `?${backendQuery}` : ""),
        PULUMI_CONFIG_PASSPHRASE: "pulumi-harness",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        AWS_CONFIG_FILE: path.join(tempDir, "no-aws-config"),
        AWS_SHARED_CREDENTIALS_FILE: path.join(tempDir, "no-aws-credentials"),
        AWS_EC2_METADATA_DISABLED: "true",
        [RUN_MARKER]: id,
        ...extra,
    };
}

/** Copies a project's files into `into` and makes its links there; answers `into`. */
/**
 * The CLI as the Automation API drives it, one per install and process: PulumiCommand.get runs
 * `pulumi version` to check it, a CLI start (about 0.2 CPU seconds) that every stack would repeat.
 */
const pulumiCommands = new Map<string, Promise<PulumiCommand>>();

function pulumiCommandIn(root: string): Promise<PulumiCommand> {
    if (!pulumiCommands.has(root)) {
        pulumiCommands.set(root, PulumiCommand.get({ root }));
    }
    return pulumiCommands.get(root)!;
}

function linksOf(copy: ProjectCopy): Record<string, string> {
    return copy.links ?? { node_modules: path.join(copy.root, "node_modules") };
}

async function copyProject(copy: ProjectCopy, into: string): Promise<string> {
    await mkdir(into, { recursive: true });
    for (const entry of copy.paths) {
        await cp(path.join(copy.root, entry), path.join(into, entry), { recursive: true });
    }
    for (const [name, target] of Object.entries(linksOf(copy))) {
        await symlink(target, path.join(into, name));
    }
    return into;
}

/**
 * The README's remedy for a file backend that a kill left with an empty metadata sidecar
 * (`<file>.attrs`): the blob library Pulumi's file backend uses truncates a sidecar and then
 * rewrites it in place, so a kill in between leaves it empty, and every command then fails with
 * "failed to load checkpoint: EOF". A missing sidecar is read as "no metadata", so removing the
 * empty one is safe. Returns the sidecars it removed, relative to `backendDir`.
 */
export async function removeEmptySidecars(backendDir: string): Promise<string[]> {
    const removed: string[] = [];
    const entries = await readdir(backendDir, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
        if (!entry.isFile() || !entry.name.endsWith(".attrs")) {
            continue;
        }
        const file = path.join(entry.parentPath, entry.name);
        if ((await stat(file)).size === 0) {
            await rm(file);
            removed.push(path.relative(backendDir, file));
        }
    }
    return removed;
}

/** Stack config for `project` from plain values: each key in the project's namespace, each value as JSON. */
export function projectConfig(project: string, values: Record<string, unknown>): ConfigMap {
    return Object.fromEntries(
        Object.entries(values).map(([key, value]) => [`${project}:${key}`, { value: JSON.stringify(value) }]),
    );
}

/** SIGKILLs every process whose RUN_MARKER value matches, until none is left. */
async function killMarked(matches: (markerValue: string) => boolean): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
        const pids = await markedProcesses(matches);
        if (pids.length === 0) {
            return;
        }
        for (const pid of pids) {
            try {
                process.kill(pid, "SIGKILL");
            } catch {
                // already gone
            }
        }
        await sleep(50);
    }
    throw new Error("processes of a Pulumi run survived SIGKILL for 5 s");
}

/** Live processes whose initial environment has a matching RUN_MARKER (zombies have none). */
async function markedProcesses(matches: (markerValue: string) => boolean): Promise<number[]> {
    const prefix = `${RUN_MARKER}=`;
    const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name));
    const environments = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/environ`, "utf8").catch(() => "")));
    return pids
        .filter((_, i) => {
            const marker = environments[i].split("\0").find((entry) => entry.startsWith(prefix));
            return marker !== undefined && matches(marker.slice(prefix.length));
        })
        .map(Number);
}
