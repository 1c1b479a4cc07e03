/**
 * `npm run bench:profile -- --size 500`: where the time of one `up` goes, as evidence a reader can
 * check. Runs one first `up` of each program: N rejections (the installed package, as the benchmark
 * runs it), N rejections of the provider plugin (through its generated SDK, the executable on PATH),
 * the shaped baseline's N resources of the rejection's shape without AWS, and the baseline's N
 * trivial dynamic resources; each with CPU profiles of the program and the provider (V8's profiler,
 * preloaded by cpu-profile-preload.js) and of the engine (`pulumi up --profiling`). It prints, for
 * each, the CPU seconds by process and per resource (a Node.js process's user and system time as the
 * kernel counts it, the engine's as pprof sampled it), and the hottest packages and functions. The
 * profiles stay in the printed folder (a .cpuprofile opens in Chrome's DevTools; the engine's with
 * `go tool pprof`).
 *
 * `--checkpoints off` runs Pulumi with PULUMI_SKIP_CHECKPOINTS=true: the engine then no longer
 * rewrites the whole state after every step (a cost that grows with N²), and what is left is each
 * process's cost per resource.
 *
 * Options: --size 500  --latency-ms 50  --checkpoints on|off (default on)
 *          --programs rejections,plugin,shaped,baseline (the default: all of them)
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { clientEnvironment, sampleAccounts, startEmulator } from "../../emulator";
import { ensurePulumi, PulumiHarness, PulumiHarnessOptions } from "../pulumi-harness";
import { installPackedLibrary } from "./installed-package";
import { progress } from "./measure";
import { summarizeEngineProfile, summarizeNodeProfiles } from "./profile-summary";

const { sender: SENDER, receiver: RECEIVER } = sampleAccounts;

async function profiledUp(harness: PulumiHarness, prefix: string): Promise<void> {
    const run = harness.spawnUp(["--profiling", prefix]);
    const code = await run.exited;
    if (code !== 0) {
        throw new Error(`pulumi up exited with ${code}:\n${run.output()}`);
    }
}

/** Reads an on|off option. */
function onOff(value: string | undefined, name: string): boolean {
    if (value !== "on" && value !== "off") {
        throw new Error(`--${name} is on or off, not ${value}`);
    }
    return value === "on";
}

/** The programs a profile can run, in the order it runs them. */
const PROGRAMS = ["rejections", "plugin", "shaped", "baseline"] as const;
type ProgramName = (typeof PROGRAMS)[number];

const USAGE =
    "usage: npm run bench:profile -- [--size 500] [--latency-ms 50] [--checkpoints on|off] " +
    `[--programs ${PROGRAMS.join(",")}]`;

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            size: { type: "string", default: "500" },
            "latency-ms": { type: "string", default: "50" },
            checkpoints: { type: "string", default: "on" },
            programs: { type: "string", default: PROGRAMS.join(",") },
        },
    });
    const n = Number(values.size);
    const latencyMs = Number(values["latency-ms"]);
    const programs = values.programs.split(",");
    if (
        !(Number.isInteger(n) && n >= 1) ||
        !(latencyMs >= 0) ||
        !programs.every((name) => (PROGRAMS as readonly string[]).includes(name))
    ) {
        throw new Error(USAGE);
    }
    const checkpoints = onOff(values.checkpoints, "checkpoints");
    // Every Pulumi run of the profile, the engine's checkpoints as asked.
    const pulumiEnv: Record<string, string> = checkpoints ? {} : { PULUMI_SKIP_CHECKPOINTS: "true" };
    const out = await mkdtemp(path.join(tmpdir(), "ram-invitations-profile-"));
    const project = await installPackedLibrary();
    const emulator = await startEmulator();
    try {
        for (const operation of ["GetResourceShareInvitations", "RejectResourceShareInvitation"] as const) {
            await emulator.admin.setFaults(operation, { latencyMs });
        }
        /** Seeds N fresh pending invitations (each run rejects its own) and answers the file of their ARNs. */
        const seed = async (name: string): Promise<string> => {
            const arns = await emulator.admin.seedPendingInvitations({
                sender: { accountId: SENDER.accountId, accessKeyId: SENDER.accessKeyId },
                receiver: { accountId: RECEIVER.accountId, accessKeyId: RECEIVER.accessKeyId },
                count: n,
                regions: ["us-east-1"],
            });
            const file = path.join(out, `${name}-invitations.json`);
            await writeFile(file, JSON.stringify(arns));
            return file;
        };
        const aws = clientEnvironment(emulator.endpoint, { accessKeyId: RECEIVER.accessKeyId });
        const runs: Record<ProgramName, () => Promise<PulumiHarnessOptions>> = {
            rejections: async () => ({
                program: project.rejectionsProgram,
                project: "ram-invitations-bench",
                config: { "ram-invitations-bench:invitationsFile": { value: await seed("rejections") } },
                env: aws,
            }),
            // As the benchmark runs it (run.ts, measurePluginUp): the plugin's executable on PATH.
            plugin: async () => ({
                program: project.pluginRejectionsProgram,
                project: "ram-invitations-bench-plugin",
                config: { "ram-invitations-bench-plugin:invitationsFile": { value: await seed("plugin") } },
                env: {
                    ...aws,
                    PATH: [await ensurePulumi(), project.pluginDir, process.env.PATH ?? ""].join(path.delimiter),
                },
            }),
            // The rejection's inputs, outputs and check without AWS (shaped-baseline-program.ts): what
            // Pulumi itself spends on N resources of the rejection's shape, as run.ts measures it.
            shaped: async () => ({
                program: project.shapedBaselineProgram,
                project: "ram-invitations-shape",
                config: { "ram-invitations-shape:invitationsFile": { value: await seed("shaped") } },
                env: { RAM_INVITATIONS_BENCH_LATENCY_MS: String(latencyMs) },
            }),
            baseline: async () => ({
                program: path.join(__dirname, "baseline-program.ts"),
                project: "bench-baseline",
                config: {
                    "bench-baseline:count": { value: String(n) },
                    "bench-baseline:latencyMs": { value: String(latencyMs) },
                },
            }),
        };
        const report: string[] = [];
        for (const name of PROGRAMS.filter((p) => programs.includes(p))) {
            const dir = path.join(out, name);
            await mkdir(dir);
            progress(`${name}, N=${n}, checkpoints ${checkpoints ? "on" : "off"}: profiled up`);
            const options = await runs[name]();
            const harness = await PulumiHarness.create({
                ...options,
                env: {
                    ...options.env,
                    ...pulumiEnv,
                    NODE_OPTIONS: `--require ${path.join(__dirname, "cpu-profile-preload.js")}`,
                    RAM_INVITATIONS_PROFILE_DIR: dir,
                },
            });
            try {
                await profiledUp(harness, path.join(dir, "engine"));
            } finally {
                await harness.dispose();
            }
            report.push(`${name}, N=${n}:`, ...(await summarizeNodeProfiles(dir, n)));
            report.push(...(await summarizeEngineProfile(dir, n)));
        }
        console.log(
            `\n${report.join("\n")}\n\nProfiles: ${out}\n` +
                `Command: npm run bench:profile -- --size ${n} --latency-ms ${latencyMs} ` +
                `--checkpoints ${checkpoints ? "on" : "off"} --programs ${programs.join(",")}`,
        );
    } finally {
        await emulator.stop();
        await project.dispose();
    }
}

main().catch((error: unknown) => {
    console.error(`bench:profile failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
});
