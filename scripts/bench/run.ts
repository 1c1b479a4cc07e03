/**
 * `npm run bench`: the real Pulumi CLI against the RAM emulator with a set latency per call.
 * For each N it reports the RAM calls of preview, first up, second up and refresh; the wall
 * time of `up` next to a baseline of N trivial dynamic resources that wait the same latency;
 * and the peak memory of the provider process. A throttled run (RAM limits rejections to 10
 * per second) checks that every rejection succeeds and none happens twice.
 *
 * Wall times are medians over --repeat runs of each program (a fresh stack each time, the two
 * programs taking turns), so that one noisy run on a busy machine does not decide the ratio.
 *
 * A policy row (scripts/bench/policy.ts) measures an InvitationPolicy over M invitations; a root-program
 * row (scripts/bench/root-program.ts) the repository's own Pulumi.yaml next to the installed package.
 *
 * Options: --sizes 100,500,1000 (0 skips the size rows)  --latency-ms 50  --repeat 3
 *          --throttled-size 100 (0 skips the throttled run)
 *          --policy-sizes 100,1000 (0 skips the policy runs)  --fleet-accounts 20 (0 skips the fleet runs)
 *          --root-size 150 (0 skips the root-program row)
 *          --plugin-sizes 100,500 (the provider plugin's rows, at these of --sizes; 0 skips them)
 *          --acceptance-size 100 --association-delay-ms 5000 (the acceptance row; size 0 skips it)
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { clientEnvironment, RunningEmulator, sampleAccounts, startEmulator } from "../../emulator";
import { INVITATION_REJECTION_TYPE_TOKEN } from "../../provider";
import { ensurePulumi, PulumiHarness } from "../pulumi-harness";
import { installPackedLibrary, InstalledProject } from "./installed-package";
import { countCalls, median, PhaseCalls, progress, seedInvitationsFile, timed } from "./measure";
import { acceptanceTable, measureAcceptance } from "./acceptance";
import { fleetTable, measureFleet } from "./fleet";
import { measurePolicy, policyTable, PolicyResult } from "./policy";
import { ProcessUsage, ProcessWatch } from "./process-watch";
import { measureRootProgram, rootProgramTable } from "./root-program";

const REGION = "us-east-1";
const { receiver: RECEIVER } = sampleAccounts;
const OPERATIONS = ["GetResourceShareInvitations", "RejectResourceShareInvitation"] as const;
/** The type token of the baseline program's resources (baseline-program.ts). */
const BASELINE_TYPE = "pulumi-nodejs:dynamic/bench:Baseline";
/** The type token of the plugin's rejections. */
const PLUGIN_TYPE = "ram-invitations:index:InvitationRejection";
/** The type token of the shaped baseline's resources (shaped-baseline-program.ts). */
const SHAPED_BASELINE_TYPE = "pulumi-nodejs:dynamic/ram:ShapedRejectionBase";

/** One first `up` of a fresh stack: wall time, what its processes used, and state bytes per resource. */
interface UpMeasure {
    seconds: number;
    usage: ProcessUsage;
    /** Mean bytes of one measured resource's entry in the exported state. */
    stateBytesPerResource: number;
}

interface SizeResult {
    n: number;
    preview: PhaseCalls;
    firstUp: PhaseCalls;
    secondUp: PhaseCalls;
    refresh: PhaseCalls;
    /** Every first `up` of N rejections, of the baseline and of the shaped baseline, taking turns. */
    ups: UpMeasure[];
    baselines: UpMeasure[];
    shaped: UpMeasure[];
    /** The plugin's first ups, at the sizes of --plugin-sizes; empty at the others. */
    plugin: UpMeasure[];
}

/** Seeds N pending invitations and writes their ARNs to a file for the rejection program; answers its path. */
function seedInvitations(emulator: RunningEmulator, n: number, stack: string): Promise<string> {
    return seedInvitationsFile(emulator, { n, region: REGION, stack });
}

async function rejectionHarness(
    emulator: RunningEmulator,
    project: InstalledProject,
    n: number,
    stack: string,
): Promise<PulumiHarness> {
    const invitationsFile = await seedInvitations(emulator, n, stack);
    return PulumiHarness.create({
        program: project.rejectionsProgram,
        project: "ram-invitations-bench",
        stack,
        config: { "ram-invitations-bench:invitationsFile": { value: invitationsFile } },
        env: clientEnvironment(emulator.endpoint, RECEIVER),
    });
}

async function measureSize(
    emulator: RunningEmulator,
    project: InstalledProject,
    n: number,
    latencyMs: number,
    repeat: number,
    withPlugin: boolean,
): Promise<SizeResult> {
    for (const operation of OPERATIONS) {
        await emulator.admin.setFaults(operation, { latencyMs });
    }
    const counted = await countedRun(emulator, project, n);
    const ups = [counted.up];
    const baselines: UpMeasure[] = [];
    const shaped: UpMeasure[] = [];
    const plugin: UpMeasure[] = [];
    for (let run = 1; run <= repeat; run++) {
        if (run > 1) {
            progress(`N=${n}: up, run ${run} of ${repeat}`);
            const harness = await rejectionHarness(emulator, project, n, `bench-${n}-${run}`);
            try {
                ups.push(await measuredUp(harness, INVITATION_REJECTION_TYPE_TOKEN));
                await expectAllRejected(emulator, n);
            } finally {
                await harness.dispose();
            }
        }
        progress(`N=${n}: baseline up, run ${run} of ${repeat}`);
        baselines.push(await measureBaseline(n, latencyMs, run));
        progress(`N=${n}: same-bytes baseline up, run ${run} of ${repeat}`);
        shaped.push(await measureShapedBaseline(emulator, project, n, latencyMs, run));
        if (withPlugin) {
            progress(`N=${n}: plugin up, run ${run} of ${repeat}`);
            plugin.push(await measurePluginUp(emulator, project, n, run));
        }
    }
    return { ...counted, ups, baselines, shaped, plugin };
}

/** The plugin's first `up` of N rejections (plugin-rejections-program.ts), its executable found on PATH. */
async function measurePluginUp(
    emulator: RunningEmulator,
    project: InstalledProject,
    n: number,
    run: number,
): Promise<UpMeasure> {
    const stack = `plugin-${n}-${run}`;
    const harness = await PulumiHarness.create({
        program: project.pluginRejectionsProgram,
        project: "ram-invitations-bench-plugin",
        stack,
        config: {
            "ram-invitations-bench-plugin:invitationsFile": { value: await seedInvitations(emulator, n, stack) },
        },
        env: {
            ...clientEnvironment(emulator.endpoint, RECEIVER),
            PATH: [await ensurePulumi(), project.pluginDir, process.env.PATH ?? ""].join(path.delimiter),
        },
    });
    try {
        const measured = await measuredUp(harness, PLUGIN_TYPE);
        await expectAllRejected(emulator, n);
        return measured;
    } finally {
        await harness.dispose();
    }
}

/** One fresh stack of N rejections: the calls of preview, first up, second up and refresh; the first up measured. */
async function countedRun(emulator: RunningEmulator, project: InstalledProject, n: number) {
    const harness = await rejectionHarness(emulator, project, n, `bench-${n}`);
    try {
        const phase = async (name: string, run: () => Promise<unknown>): Promise<PhaseCalls> => {
            progress(`N=${n}: ${name}`);
            await emulator.admin.clearCalls();
            await run();
            return countCalls(await emulator.admin.calls());
        };
        const preview = await phase("preview", () => harness.stack.preview());
        let up: UpMeasure | undefined;
        const firstUp = await phase("first up", async () => {
            up = await measuredUp(harness, INVITATION_REJECTION_TYPE_TOKEN);
        });
        const secondUp = await phase("second up", () => harness.stack.up());
        const refresh = await phase("refresh", () => harness.stack.refresh());
        await expectAllRejected(emulator, n);
        return { n, preview, firstUp, secondUp, refresh, up: up! };
    } finally {
        await harness.dispose();
    }
}

/** The first `up` of `harness`: its wall time, its processes' usage, and the state bytes of each resource of `type`. */
async function measuredUp(harness: PulumiHarness, type: string): Promise<UpMeasure> {
    const watch = new ProcessWatch();
    const [, seconds] = await timed(() => harness.stack.up());
    const usage = await watch.stop();
    const { deployment } = await harness.stack.exportStack();
    const entries = (deployment.resources as { type: string }[]).filter((r) => r.type === type);
    const bytes = entries.reduce((sum, entry) => sum + Buffer.byteLength(JSON.stringify(entry)), 0);
    return { seconds, usage, stateBytesPerResource: bytes / entries.length };
}

async function expectAllRejected(emulator: RunningEmulator, n: number): Promise<void> {
    const rejected = (await emulator.admin.state()).invitations.filter((i) => i.status === "REJECTED").length;
    if (rejected !== n) {
        throw new Error(`N=${n}: ${rejected} invitations rejected, expected ${n}`);
    }
}

/** The baseline's first `up`, measured the same way as the rejections'. */
async function measureBaseline(n: number, latencyMs: number, run: number): Promise<UpMeasure> {
    const harness = await PulumiHarness.create({
        program: path.join(__dirname, "baseline-program.ts"),
        project: "bench-baseline",
        stack: `baseline-${n}-${run}`,
        config: {
            "bench-baseline:count": { value: String(n) },
            "bench-baseline:latencyMs": { value: String(latencyMs) },
        },
    });
    try {
        return await measuredUp(harness, BASELINE_TYPE);
    } finally {
        await harness.dispose();
    }
}

/** The same-bytes baseline's first `up` (shaped-baseline-program.ts): the rejection's bytes of state, without AWS. */
async function measureShapedBaseline(
    emulator: RunningEmulator,
    project: InstalledProject,
    n: number,
    latencyMs: number,
    run: number,
): Promise<UpMeasure> {
    const stack = `shape-${n}-${run}`; // as long as the rejections' `bench-${n}-${run}`
    const harness = await PulumiHarness.create({
        program: project.shapedBaselineProgram,
        project: "ram-invitations-shape", // as long as "ram-invitations-bench"
        stack,
        config: {
            "ram-invitations-shape:invitationsFile": { value: await seedInvitations(emulator, n, stack) },
        },
        env: { RAM_INVITATIONS_BENCH_LATENCY_MS: String(latencyMs) },
    });
    try {
        return await measuredUp(harness, SHAPED_BASELINE_TYPE);
    } finally {
        await harness.dispose();
    }
}

async function throttledRun(emulator: RunningEmulator, project: InstalledProject, n: number): Promise<string> {
    await emulator.admin.clearFaults();
    const harness = await rejectionHarness(emulator, project, n, `bench-throttled-${n}`);
    try {
        await emulator.admin.setFaults("RejectResourceShareInvitation", { maxRequestsPerSecond: 10 });
        progress(`throttled N=${n}: up`);
        const [, seconds] = await timed(() => harness.stack.up());
        const rejects = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
        const changes = new Map<string, number>();
        for (const call of rejects.filter((c) => c.stateChanged)) {
            const arn = (call.parameters as { resourceShareInvitationArn: string }).resourceShareInvitationArn;
            changes.set(arn, (changes.get(arn) ?? 0) + 1);
        }
        const throttled = rejects.filter((c) => c.outcome === "ThrottlingException").length;
        const rejectedOnce = [...changes.values()].filter((count) => count === 1).length;
        const twice = [...changes.values()].filter((count) => count > 1).length;
        if (rejectedOnce !== n || twice !== 0) {
            throw new Error(`throttled run: ${rejectedOnce} of ${n} rejected once, ${twice} rejected more than once`);
        }
        return (
            `Throttled run (Reject limited to 10 requests/s), N=${n}: all ${n} rejected exactly once, none twice; ` +
            `${rejects.length} Reject calls of which ${throttled} throttled; up took ${seconds.toFixed(1)} s.`
        );
    } finally {
        await harness.dispose();
    }
}

/** The median of one measure over several ups. */
function med(ups: UpMeasure[], value: (up: UpMeasure) => number): number {
    return median(ups.map(value));
}

function seconds(up: UpMeasure): number {
    return up.seconds;
}

/** The ratio of the median times, and the range of the single runs' ratios (the runs took turns). */
function ratio(ours: UpMeasure[], against: UpMeasure[]): string {
    const pairs = ours.map((u, i) => u.seconds / against[i].seconds);
    const range = `${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}`;
    return `${(med(ours, seconds) / med(against, seconds)).toFixed(2)} (${range})`;
}

/** One measure's medians for several programs, as "a / b / c". */
function medians(programs: UpMeasure[][], value: (u: UpMeasure) => number, digits: number): string {
    return programs.map((ups) => med(ups, value).toFixed(digits)).join(" / ");
}

function row(cells: (string | number)[]): string {
    return `| ${cells.join(" | ")} |`;
}

function table(results: SizeResult[], latencyMs: number, repeat: number): string {
    const calls = (c: PhaseCalls) => `${c.reads} / ${c.writes}`;
    const three = (r: SizeResult, value: (u: UpMeasure) => number, digits: number) =>
        medians([r.ups, r.baselines, r.shaped], value, digits);
    return [
        `Latency per RAM call: ${latencyMs} ms. Calls are GetResourceShareInvitations / RejectResourceShareInvitation.`,
        "",
        "| N | preview | first up | second up | refresh | read target ceil(N/100) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        ...results.map((r) =>
            row([r.n, calls(r.preview), calls(r.firstUp), calls(r.secondUp), calls(r.refresh), Math.ceil(r.n / 100)]),
        ),
        "",
        `Cost of a first up of N rejections, next to N trivial dynamic resources (baseline) and N resources that ` +
            "carry a rejection's bytes of state, byte for byte, and make no AWS call (same-bytes): medians of " +
            `${repeat} fresh stacks each, the programs taking turns; a ratio is of the medians, its range that of ` +
            "the single runs' ratios. CPU seconds are user and system time of the provider, the program and the " +
            "engine (the pulumi CLI); state bytes are one resource's entry in the exported state. Triples read " +
            "ours / baseline / same-bytes.",
        "",
        "| N | up (s) | baseline up (s) | same-bytes up (s) | ratio to baseline (range) | " +
            "ratio to same-bytes (range) | ms per rejection | state bytes per resource | provider CPU s | " +
            "program CPU s | engine CPU s | provider peak RSS MiB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ...results.map((r) =>
            row([
                r.n,
                med(r.ups, seconds).toFixed(1),
                med(r.baselines, seconds).toFixed(1),
                med(r.shaped, seconds).toFixed(1),
                ratio(r.ups, r.baselines),
                ratio(r.ups, r.shaped),
                ((med(r.ups, seconds) / r.n) * 1000).toFixed(1),
                three(r, (u) => u.stateBytesPerResource, 0),
                three(r, (u) => u.usage.cpuSeconds.provider, 1),
                three(r, (u) => u.usage.cpuSeconds.program, 1),
                three(r, (u) => u.usage.cpuSeconds.engine, 1),
                three(r, (u) => u.usage.providerPeakMiB, 0),
            ]),
        ),
    ].join("\n");
}

/** The plugin's rows: its first up beside the dynamic resource's and the trivial baseline's, measured in turn. */
function pluginTable(results: SizeResult[], repeat: number): string {
    const withPlugin = results.filter((r) => r.plugin.length > 0);
    if (withPlugin.length === 0) {
        return "Plugin rows skipped.";
    }
    const three = (r: SizeResult, value: (u: UpMeasure) => number, digits: number) =>
        medians([r.plugin, r.ups, r.baselines], value, digits);
    return [
        `The provider plugin (through its generated TypeScript SDK, the executable on PATH) next to the dynamic ` +
            `resource and N trivial dynamic resources: medians of ${repeat} fresh stacks each, in turn. Triples read ` +
            "plugin / dynamic / baseline.",
        "",
        "| N | plugin up (s) | dynamic up (s) | baseline up (s) | plugin to baseline (range) | " +
            "plugin to dynamic (range) | state bytes per resource | provider CPU s | engine CPU s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ...withPlugin.map((r) =>
            row([
                r.n,
                med(r.plugin, seconds).toFixed(1),
                med(r.ups, seconds).toFixed(1),
                med(r.baselines, seconds).toFixed(1),
                ratio(r.plugin, r.baselines),
                ratio(r.plugin, r.ups),
                three(r, (u) => u.stateBytesPerResource, 0),
                three(r, (u) => u.usage.cpuSeconds.provider, 1),
                three(r, (u) => u.usage.cpuSeconds.engine, 1),
            ]),
        ),
    ].join("\n");
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            sizes: { type: "string", default: "100,500,1000" },
            "latency-ms": { type: "string", default: "50" },
            repeat: { type: "string", default: "3" },
            "throttled-size": { type: "string", default: "100" },
            "policy-sizes": { type: "string", default: "100,1000" },
            "fleet-accounts": { type: "string", default: "20" },
            "root-size": { type: "string", default: "150" },
            "plugin-sizes": { type: "string", default: "100,500" },
            "acceptance-size": { type: "string", default: "100" },
            "association-delay-ms": { type: "string", default: "5000" },
        },
    });
    const sizes = values.sizes === "0" ? [] : values.sizes.split(",").map(Number);
    const latencyMs = Number(values["latency-ms"]);
    const throttledSize = Number(values["throttled-size"]);
    const repeat = Number(values.repeat);
    const policySizes = values["policy-sizes"] === "0" ? [] : values["policy-sizes"].split(",").map(Number);
    const fleetAccounts = Number(values["fleet-accounts"]);
    const rootSize = Number(values["root-size"]);
    const pluginSizes = values["plugin-sizes"] === "0" ? [] : values["plugin-sizes"].split(",").map(Number);
    const acceptanceSize = Number(values["acceptance-size"]);
    const associationDelayMs = Number(values["association-delay-ms"]);
    if (
        sizes.some((n) => !Number.isInteger(n) || n < 1) ||
        pluginSizes.some((n) => !sizes.includes(n)) ||
        policySizes.some((m) => !Number.isInteger(m) || m < 2) ||
        !(Number.isInteger(fleetAccounts) && fleetAccounts >= 0) ||
        !(Number.isInteger(rootSize) && rootSize >= 0) ||
        !(Number.isInteger(acceptanceSize) && acceptanceSize >= 0) ||
        !(associationDelayMs >= 0) ||
        !(latencyMs >= 0) ||
        !(throttledSize >= 0) ||
        !(Number.isInteger(repeat) && repeat >= 1)
    ) {
        throw new Error(
            "usage: npm run bench -- [--sizes 10,100,500 (0 skips)] [--latency-ms 50] [--repeat 3] " +
                "[--throttled-size 100] " +
                "[--policy-sizes 100,1000 (0 skips)] [--fleet-accounts 20 (0 skips)] [--root-size 150 (0 skips)] " +
                "[--plugin-sizes 100,500 (each one of --sizes; 0 skips)] " +
                "[--acceptance-size 100 (0 skips)] [--association-delay-ms 5000]",
        );
    }
    const command =
        `npm run bench -- --sizes ${sizes.join(",") || "0"} --latency-ms ${latencyMs} ` +
        `--repeat ${repeat} --throttled-size ${throttledSize} --policy-sizes ${policySizes.join(",") || "0"} ` +
        `--fleet-accounts ${fleetAccounts} --root-size ${rootSize} --plugin-sizes ${pluginSizes.join(",") || "0"} ` +
        `--acceptance-size ${acceptanceSize} --association-delay-ms ${associationDelayMs}`;
    progress("packing the library and installing it into a throw-away project");
    const project = await installPackedLibrary();
    const emulator = await startEmulator().catch(async (error: unknown) => {
        await project.dispose();
        throw error;
    });
    try {
        const results: SizeResult[] = [];
        for (const n of sizes) {
            results.push(await measureSize(emulator, project, n, latencyMs, repeat, pluginSizes.includes(n)));
            // Each size as soon as it is measured: a later failure does not lose it.
            progress(`\n${table(results.slice(-1), latencyMs, repeat)}\n\n${pluginTable(results.slice(-1), repeat)}`);
        }
        const throttled =
            throttledSize > 0 ? await throttledRun(emulator, project, throttledSize) : "Throttled run skipped.";
        const policies: PolicyResult[] = [];
        await emulator.admin.clearFaults();
        for (const operation of OPERATIONS) {
            await emulator.admin.setFaults(operation, { latencyMs });
        }
        for (const m of policySizes) {
            policies.push(await measurePolicy(emulator, project, m, repeat));
        }
        const policy = policies.length > 0 ? policyTable(policies) : "Policy runs skipped.";
        const fleet =
            fleetAccounts > 0
                ? fleetTable(await measureFleet(emulator, project, fleetAccounts, 10, repeat))
                : "Fleet runs skipped.";
        const root =
            rootSize > 0
                ? rootProgramTable(await measureRootProgram(emulator, project, rootSize, repeat), repeat)
                : "Root-program row skipped.";
        const acceptance =
            acceptanceSize > 0
                ? acceptanceTable(
                      await measureAcceptance(emulator, project, acceptanceSize, associationDelayMs, latencyMs, repeat),
                      repeat,
                  )
                : "Acceptance row skipped.";
        console.log(
            `\n${results.length > 0 ? table(results, latencyMs, repeat) : "Size rows skipped."}\n\n` +
                `${pluginTable(results, repeat)}\n\n${throttled}\n\n` +
                `${policy}\n\n${fleet}\n\n${root}\n\n${acceptance}\n\n` +
                `Command: ${command}`,
        );
    } finally {
        await emulator.stop();
        await project.dispose();
    }
}

main().catch((error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
});
