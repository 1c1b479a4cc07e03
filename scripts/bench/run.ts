/**
 * `npm run bench`: the real Pulumi CLI against the RAM emulator with a set latency per call.
 * For each N it reports the RAM calls of preview, first up, second up and refresh (and fails when
 * a phase lists more than ceil(N/100) times or the writes are not exactly N in the first up and
 * none in the others); the wall time of `up` next to a baseline of N trivial dynamic resources that
 * wait the same latency, and next to N resources that carry a rejection's bytes of state; the CPU
 * time and peak memory of the provider, the program and the engine; and a floor: the same RAM
 * calls straight through the AWS SDK, as many at once as the engine runs steps, with no Pulumi at
 * all (floor.ts). A throttled run (RAM limits rejections to 10 per second) checks that every
 * rejection succeeds and none happens twice.
 *
 * Each size runs with the engine's checkpoints on (the state saved after every step, as Pulumi
 * does by default), off (PULUMI_SKIP_CHECKPOINTS=true for every process of the run: the state is
 * written once, at the end), or both; every program of a row runs under the row's setting. With
 * checkpoints on, the engine's cost grows as N² (about 100 s at N = 1000), so --checkpoints-on-sizes
 * can keep it to the smaller sizes while checkpoints off runs the whole curve (to N = 5000). After
 * all sizes, the curve: ms per rejection of every program at every size and setting, with ratios.
 *
 * Wall times are medians over --repeat runs of each program (a fresh stack each time, the
 * programs taking turns), so that one noisy run on a busy machine does not decide the ratio.
 *
 * A policy row (scripts/bench/policy.ts) measures an InvitationPolicy over M invitations; a root-program
 * row (scripts/bench/root-program.ts) the repository's own Pulumi.yaml next to the installed package.
 *
 * Options: --sizes 100,500,1000 (0 skips the size rows)  --latency-ms 50  --repeat 3
 *          --checkpoints on (on, off, or on,off: the settings of the size rows)
 *          --checkpoints-on-sizes 100,500 (the sizes measured with checkpoints on, each one of --sizes;
 *          default all of them; 0 none)
 *          --throttled-size 100 (0 skips the throttled run)
 *          --policy-sizes 100,1000 (0 skips the policy runs)  --fleet-accounts 20 (0 skips the fleet runs)
 *          --root-size 150 (0 skips the root-program row)
 *          --plugin-sizes 100,500 (the provider plugin's rows, at these of --sizes; 0 skips them)
 *          --acceptance-size 100 --association-delay-ms 5000 (the acceptance row; size 0 skips it)
 *          --organization-accounts 1000 --organization-ous 50 --organization-invitations 100 (the
 *          organization rows, scripts/bench/organization.ts: comma-separated accounts and OUs, taken in
 *          pairs, for a curve, e.g. 100,1000,5000 and 10,50,50; one OU count serves every size; 0
 *          accounts skips them)
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { clientEnvironment, RunningEmulator, sampleAccounts, startEmulator } from "../../emulator";
import { INVITATION_REJECTION_TYPE_TOKEN } from "../../provider";
import { ensurePulumi, PulumiHarness } from "../pulumi-harness";
import { installPackedLibrary, InstalledProject } from "./installed-package";
import { countCalls, PhaseCalls, progress, seedInvitationsFile, setLatency, timed } from "./measure";
import { acceptanceTable, measureAcceptance } from "./acceptance";
import { fleetTable, measureFleet } from "./fleet";
import { measurePolicy, policyTable, PolicyResult } from "./policy";
import { measureOrganization, OrganizationResult, organizationTable } from "./organization";
import { enginesDefaultParallel, FloorMeasure, measureFloor } from "./floor";
import { ProcessWatch, watchMarker } from "./process-watch";
import { measureRootProgram, rootProgramTable } from "./root-program";
import {
    Checkpoints,
    curveTable,
    floorTable,
    pluginTable,
    SettingResult,
    SizeResult,
    sizeTable,
    UpMeasure,
} from "./size-tables";

const REGION = "us-east-1";
const { receiver: RECEIVER } = sampleAccounts;
/** The type token of the baseline program's resources (baseline-program.ts). */
const BASELINE_TYPE = "pulumi-nodejs:dynamic/bench:Baseline";
/** The type token of the plugin's rejections. */
const PLUGIN_TYPE = "ram-invitations:index:InvitationRejection";
/** The type token of the shaped baseline's resources (shaped-baseline-program.ts). */
const SHAPED_BASELINE_TYPE = "pulumi-nodejs:dynamic/ram:ShapedRejectionBase";

/** What every measured program of one size and setting shares: N, the latency, and the checkpoint setting. */
interface SizeRun {
    n: number;
    latencyMs: number;
    checkpoints: Checkpoints;
}

/**
 * The variables of every process of one measured run: the marker its ProcessWatch knows it by,
 * and with checkpoints off the engine's switch to write the state only at the end.
 */
function runEnv(checkpoints: Checkpoints): Record<string, string> {
    return { ...watchMarker(), ...(checkpoints === "off" ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {}) };
}

/**
 * Seeds N pending invitations and writes their ARNs to a file for the rejection program; answers its path.
 * With `latencyMs`, every RAM call of the run meets it (seeding resets the emulator, faults included).
 */
function seedInvitations(emulator: RunningEmulator, n: number, stack: string, latencyMs?: number): Promise<string> {
    return seedInvitationsFile(emulator, { n, region: REGION, stack, latencyMs });
}

async function rejectionHarness(
    emulator: RunningEmulator,
    project: InstalledProject,
    stack: string,
    options: { n: number; latencyMs?: number; env?: Record<string, string> },
): Promise<PulumiHarness> {
    const invitationsFile = await seedInvitations(emulator, options.n, stack, options.latencyMs);
    return PulumiHarness.create({
        program: project.rejectionsProgram,
        project: "ram-invitations-bench",
        stack,
        config: { "ram-invitations-bench:invitationsFile": { value: invitationsFile } },
        env: { ...clientEnvironment(emulator.endpoint, RECEIVER), ...options.env },
    });
}

/**
 * One size: for each run, every program under each setting in turn (the dynamic resource, the
 * baseline, the same-bytes baseline, the plugin), then the floor. The first run of the dynamic
 * resource under each setting is the counted one.
 */
async function measureSize(
    emulator: RunningEmulator,
    project: InstalledProject,
    options: { n: number; latencyMs: number; repeat: number; withPlugin: boolean; settings: Checkpoints[] },
): Promise<SizeResult> {
    const { n, latencyMs, repeat, withPlugin } = options;
    const parallel = enginesDefaultParallel();
    const settings = new Map<Checkpoints, SettingResult>();
    const floors: FloorMeasure[] = [];
    for (let run = 1; run <= repeat; run++) {
        for (const checkpoints of options.settings) {
            const size: SizeRun = { n, latencyMs, checkpoints };
            const label = `N=${n}, checkpoints ${checkpoints}`;
            if (run === 1) {
                settings.set(checkpoints, await countedRun(emulator, project, size));
            } else {
                progress(`${label}: up, run ${run} of ${repeat}`);
                settings.get(checkpoints)!.ups.push(await measureDynamicUp(emulator, project, size, run));
            }
            const result = settings.get(checkpoints)!;
            progress(`${label}: baseline up, run ${run} of ${repeat}`);
            result.baselines.push(await measureBaseline(size, run));
            progress(`${label}: same-bytes baseline up, run ${run} of ${repeat}`);
            result.shaped.push(await measureShapedBaseline(emulator, project, size, run));
            if (withPlugin) {
                progress(`${label}: plugin up, run ${run} of ${repeat}`);
                result.plugin.push(await measurePluginUp(emulator, project, size, run));
            }
        }
        progress(`N=${n}: floor (${parallel} at a time), run ${run} of ${repeat}`);
        floors.push(await measureFloor(emulator, { n, region: REGION, latencyMs, parallel }));
    }
    return { n, settings: [...settings.values()], floors, parallel };
}

/** Stack names unique per size, setting and run, of the same length for every program that must match in bytes. */
function stackName(prefix: string, { n, checkpoints }: SizeRun, run: number): string {
    return `${prefix}-${n}-${checkpoints}-${run}`;
}

/** A first `up` of the dynamic resource after the counted one. */
async function measureDynamicUp(
    emulator: RunningEmulator,
    project: InstalledProject,
    size: SizeRun,
    run: number,
): Promise<UpMeasure> {
    const harness = await rejectionHarness(emulator, project, stackName("bench", size, run), {
        ...size,
        env: runEnv(size.checkpoints),
    });
    return rejectingUp(emulator, harness, INVITATION_REJECTION_TYPE_TOKEN, size.n);
}

/** The plugin's first `up` of N rejections (plugin-rejections-program.ts), its executable found on PATH. */
async function measurePluginUp(
    emulator: RunningEmulator,
    project: InstalledProject,
    size: SizeRun,
    run: number,
): Promise<UpMeasure> {
    const stack = stackName("plugin", size, run);
    const harness = await PulumiHarness.create({
        program: project.pluginRejectionsProgram,
        project: "ram-invitations-bench-plugin",
        stack,
        config: {
            "ram-invitations-bench-plugin:invitationsFile": {
                value: await seedInvitations(emulator, size.n, stack, size.latencyMs),
            },
        },
        env: {
            ...clientEnvironment(emulator.endpoint, RECEIVER),
            PATH: [await ensurePulumi(), project.pluginDir, process.env.PATH ?? ""].join(path.delimiter),
            ...runEnv(size.checkpoints),
        },
    });
    return rejectingUp(emulator, harness, PLUGIN_TYPE, size.n);
}

/** The measured first `up` of a stack of N rejections of `type`, checked to reject all N; disposes of `harness`. */
async function rejectingUp(
    emulator: RunningEmulator,
    harness: PulumiHarness,
    type: string,
    n: number,
): Promise<UpMeasure> {
    try {
        const measured = await measuredUp(harness, type);
        await expectAllRejected(emulator, n);
        return measured;
    } finally {
        await harness.dispose();
    }
}

/**
 * One fresh stack of N rejections: the calls of preview, first up, second up and refresh, checked
 * against the targets (at most ceil(N/100) listings a phase, exactly N rejections in the first up and
 * none in any other); the first up measured.
 */
async function countedRun(emulator: RunningEmulator, project: InstalledProject, size: SizeRun): Promise<SettingResult> {
    const { n, checkpoints } = size;
    const harness = await rejectionHarness(emulator, project, stackName("bench", size, 1), {
        ...size,
        env: runEnv(checkpoints),
    });
    try {
        const phase = async (name: string, run: () => Promise<unknown>): Promise<PhaseCalls> => {
            progress(`N=${n}, checkpoints ${checkpoints}: ${name}`);
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
        const readTarget = Math.ceil(n / 100);
        const phases = { preview, "first up": firstUp, "second up": secondUp, refresh };
        const wrongWrites = Object.entries(phases).filter(([name, c]) => c.writes !== (name === "first up" ? n : 0));
        const tooManyReads = Object.entries(phases).filter(([, c]) => c.reads > readTarget);
        if (wrongWrites.length > 0 || tooManyReads.length > 0) {
            const calls = Object.entries(phases).map(([name, c]) => `${name} ${c.reads} / ${c.writes}`);
            throw new Error(
                `N=${n}, checkpoints ${checkpoints}: calls (reads / writes) ${calls.join(", ")}; expected at most ` +
                    `${readTarget} reads a phase and ${n} writes in the first up only`,
            );
        }
        return {
            n,
            checkpoints,
            preview,
            firstUp,
            secondUp,
            refresh,
            ups: [up!],
            baselines: [],
            shaped: [],
            plugin: [],
        };
    } finally {
        await harness.dispose();
    }
}

/** The first `up` of `harness`: its wall time, its processes' usage, and the state bytes of each resource of `type`. */
async function measuredUp(harness: PulumiHarness, type: string): Promise<UpMeasure> {
    const watch = new ProcessWatch(harness.env);
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
async function measureBaseline(size: SizeRun, run: number): Promise<UpMeasure> {
    const harness = await PulumiHarness.create({
        program: path.join(__dirname, "baseline-program.ts"),
        project: "bench-baseline",
        stack: stackName("baseline", size, run),
        config: {
            "bench-baseline:count": { value: String(size.n) },
            "bench-baseline:latencyMs": { value: String(size.latencyMs) },
        },
        env: runEnv(size.checkpoints),
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
    size: SizeRun,
    run: number,
): Promise<UpMeasure> {
    const stack = stackName("shape", size, run); // as long as the rejections' stackName("bench", ...)
    const harness = await PulumiHarness.create({
        program: project.shapedBaselineProgram,
        project: "ram-invitations-shape", // as long as "ram-invitations-bench"
        stack,
        config: {
            "ram-invitations-shape:invitationsFile": {
                value: await seedInvitations(emulator, size.n, stack, size.latencyMs),
            },
        },
        env: { RAM_INVITATIONS_BENCH_LATENCY_MS: String(size.latencyMs), ...runEnv(size.checkpoints) },
    });
    try {
        return await measuredUp(harness, SHAPED_BASELINE_TYPE);
    } finally {
        await harness.dispose();
    }
}

async function throttledRun(emulator: RunningEmulator, project: InstalledProject, n: number): Promise<string> {
    await emulator.admin.clearFaults();
    const harness = await rejectionHarness(emulator, project, `bench-throttled-${n}`, { n });
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

/** The size rows' tables of `results`: calls and cost, the plugin's rows, the floor. */
function sizeTables(results: SizeResult[], latencyMs: number, repeat: number): string {
    return [sizeTable(results, latencyMs, repeat), pluginTable(results, repeat), floorTable(results, repeat)].join(
        "\n\n",
    );
}

/** A comma-separated list of sizes; "0" for none. */
function sizeList(option: string): number[] {
    return option === "0" ? [] : option.split(",").map(Number);
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
            checkpoints: { type: "string", default: "on" },
            "checkpoints-on-sizes": { type: "string" },
            "acceptance-size": { type: "string", default: "100" },
            "association-delay-ms": { type: "string", default: "5000" },
            "organization-accounts": { type: "string", default: "1000" },
            "organization-ous": { type: "string", default: "50" },
            "organization-invitations": { type: "string", default: "100" },
        },
    });
    const sizes = sizeList(values.sizes);
    const latencyMs = Number(values["latency-ms"]);
    const throttledSize = Number(values["throttled-size"]);
    const repeat = Number(values.repeat);
    const policySizes = sizeList(values["policy-sizes"]);
    const fleetAccounts = Number(values["fleet-accounts"]);
    const rootSize = Number(values["root-size"]);
    const pluginSizes = sizeList(values["plugin-sizes"]);
    const checkpoints = values.checkpoints.split(",");
    const checkpointsOnSizes =
        values["checkpoints-on-sizes"] === undefined ? sizes : sizeList(values["checkpoints-on-sizes"]);
    /** The settings measured at size `n`, in the order given. */
    const settingsAt = (n: number) =>
        (checkpoints as Checkpoints[]).filter((setting) => setting === "off" || checkpointsOnSizes.includes(n));
    const acceptanceSize = Number(values["acceptance-size"]);
    const associationDelayMs = Number(values["association-delay-ms"]);
    const organizationAccounts = sizeList(values["organization-accounts"]);
    const organizationOus = values["organization-ous"].split(",").map(Number);
    const organizationInvitations = Number(values["organization-invitations"]);
    /** The organization rows: accounts and OUs in pairs (one OU count for every size). */
    const organizations = organizationAccounts.map((accounts, i) => ({
        accounts,
        ous: organizationOus.length === 1 ? organizationOus[0] : organizationOus[i],
        m: organizationInvitations,
    }));
    if (
        sizes.some((n) => !Number.isInteger(n) || n < 1) ||
        pluginSizes.some((n) => !sizes.includes(n)) ||
        !["on", "off", "on,off"].includes(values.checkpoints) ||
        checkpointsOnSizes.some((n) => !sizes.includes(n)) ||
        sizes.some((n) => settingsAt(n).length === 0) ||
        policySizes.some((m) => !Number.isInteger(m) || m < 2) ||
        !(Number.isInteger(fleetAccounts) && fleetAccounts >= 0) ||
        !(Number.isInteger(rootSize) && rootSize >= 0) ||
        !(Number.isInteger(acceptanceSize) && acceptanceSize >= 0) ||
        !(associationDelayMs >= 0) ||
        !(organizationOus.length === 1 || organizationOus.length === organizationAccounts.length) ||
        organizations.some(
            ({ accounts, ous, m }) =>
                !(Number.isInteger(accounts) && accounts >= 1) ||
                !(Number.isInteger(ous) && ous >= 1) ||
                !(Number.isInteger(m) && m >= 2 && m <= accounts),
        ) ||
        !(latencyMs >= 0) ||
        !(throttledSize >= 0) ||
        !(Number.isInteger(repeat) && repeat >= 1)
    ) {
        throw new Error(
            "usage: npm run bench -- [--sizes 100,500,1000 (0 skips)] [--latency-ms 50] [--repeat 3] " +
                "[--checkpoints on | off | on,off] " +
                "[--checkpoints-on-sizes 100,500 (each one of --sizes, default all of them; 0 for none; " +
                "a size left out needs --checkpoints off or on,off)] " +
                "[--throttled-size 100] " +
                "[--policy-sizes 100,1000 (0 skips)] [--fleet-accounts 20 (0 skips)] [--root-size 150 (0 skips)] " +
                "[--plugin-sizes 100,500 (each one of --sizes; 0 skips)] " +
                "[--acceptance-size 100 (0 skips)] [--association-delay-ms 5000] " +
                "[--organization-accounts 1000 (comma-separated for a curve; 0 skips)] " +
                "[--organization-ous 50 (one, or one per --organization-accounts size)] " +
                "[--organization-invitations 100 (2 to the smallest accounts size)]",
        );
    }
    const command =
        `npm run bench -- --sizes ${sizes.join(",") || "0"} --latency-ms ${latencyMs} ` +
        `--repeat ${repeat} --throttled-size ${throttledSize} --policy-sizes ${policySizes.join(",") || "0"} ` +
        `--fleet-accounts ${fleetAccounts} --root-size ${rootSize} --plugin-sizes ${pluginSizes.join(",") || "0"} ` +
        `--checkpoints ${checkpoints.join(",")} --checkpoints-on-sizes ${checkpointsOnSizes.join(",") || "0"} ` +
        `--acceptance-size ${acceptanceSize} --association-delay-ms ${associationDelayMs} ` +
        `--organization-accounts ${organizationAccounts.join(",") || "0"} ` +
        `--organization-ous ${organizationOus.join(",")} --organization-invitations ${organizationInvitations}`;
    progress("packing the library and installing it into a throw-away project");
    const project = await installPackedLibrary();
    const emulator = await startEmulator().catch(async (error: unknown) => {
        await project.dispose();
        throw error;
    });
    try {
        const results: SizeResult[] = [];
        for (const n of sizes) {
            const withPlugin = pluginSizes.includes(n);
            results.push(
                await measureSize(emulator, project, { n, latencyMs, repeat, withPlugin, settings: settingsAt(n) }),
            );
            // Each size as soon as it is measured: a later failure does not lose it.
            progress(`\n${sizeTables(results.slice(-1), latencyMs, repeat)}`);
        }
        const throttled =
            throttledSize > 0 ? await throttledRun(emulator, project, throttledSize) : "Throttled run skipped.";
        const policies: PolicyResult[] = [];
        await emulator.admin.clearFaults();
        await setLatency(emulator, latencyMs);
        for (const m of policySizes) {
            policies.push(await measurePolicy(emulator, project, m, repeat));
        }
        const policy = policies.length > 0 ? policyTable(policies) : "Policy runs skipped.";
        const organizationResults: OrganizationResult[] = [];
        for (const organization of organizations) {
            organizationResults.push(await measureOrganization(emulator, project, { ...organization, repeat }));
        }
        const organizationRow =
            organizationResults.length > 0
                ? organizationTable(organizationResults, repeat)
                : "Organization rows skipped.";
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
        const sizeRows =
            results.length > 0
                ? `${sizeTables(results, latencyMs, repeat)}\n\n${curveTable(results)}`
                : "Size rows skipped.";
        console.log(
            `\n${sizeRows}\n\n${throttled}\n\n` +
                `${policy}\n\n${organizationRow}\n\n${fleet}\n\n${root}\n\n${acceptance}\n\n` +
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
