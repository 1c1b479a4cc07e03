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
 * Options: --sizes 10,100,500  --latency-ms 50  --repeat 3  --throttled-size 100 (0 skips the throttled run)
 *          --policy-sizes 100,1000 (0 skips the policy runs)  --fleet-accounts 20 (0 skips the fleet runs)
 *          --root-size 150 (0 skips the root-program row)
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { clientEnvironment, RunningEmulator, sampleAccounts, SeedAccount, startEmulator } from "../../emulator";
import { PulumiHarness } from "../pulumi-harness";
import { installPackedLibrary, InstalledProject } from "./installed-package";
import { countCalls, median, PhaseCalls, progress, timed } from "./measure";
import { fleetTable, measureFleet } from "./fleet";
import { measurePolicy, policyTable, PolicyResult } from "./policy";
import { ProviderMemoryWatch } from "./provider-memory";
import { measureRootProgram, rootProgramTable } from "./root-program";

const REGION = "us-east-1";
const { sender: SENDER, receiver: RECEIVER } = sampleAccounts;
const OPERATIONS = ["GetResourceShareInvitations", "RejectResourceShareInvitation"] as const;

interface SizeResult {
    n: number;
    preview: PhaseCalls;
    firstUp: PhaseCalls;
    secondUp: PhaseCalls;
    refresh: PhaseCalls;
    /** Median wall time of a first `up`, over the repeated runs. */
    upSeconds: number;
    baselineSeconds: number;
    /** Lowest and highest ratio of one run's pair. */
    ratioRange: [number, number];
    providerPeakMiB: number;
    baselinePeakMiB: number;
}

async function seedInvitations(
    emulator: RunningEmulator,
    n: number,
): Promise<Record<string, { invitationArn: string }>> {
    await emulator.admin.reset();
    // Seeded without secret keys: the emulator then skips SigV4 verification, whose CPU (on the
    // same cores as the measured run) is the stand-in's cost, not the library's.
    const withoutSecret = ({ accountId, accessKeyId }: SeedAccount) => ({ accountId, accessKeyId });
    const arns = await emulator.admin.seedPendingInvitations({
        sender: withoutSecret(SENDER),
        receiver: withoutSecret(RECEIVER),
        count: n,
        regions: [REGION],
        namePrefix: "bench-share",
    });
    return Object.fromEntries(arns.map((invitationArn, i) => [`reject-${i}`, { invitationArn }]));
}

async function rejectionHarness(
    emulator: RunningEmulator,
    project: InstalledProject,
    n: number,
    stack: string,
): Promise<PulumiHarness> {
    const rejections = await seedInvitations(emulator, n);
    return PulumiHarness.create({
        program: project.program,
        project: "ram-invitations",
        stack,
        config: { "ram-invitations:rejections": { value: JSON.stringify(rejections) } },
        env: clientEnvironment(emulator.endpoint, RECEIVER),
    });
}

async function measureSize(
    emulator: RunningEmulator,
    project: InstalledProject,
    n: number,
    latencyMs: number,
    repeat: number,
): Promise<SizeResult> {
    for (const operation of OPERATIONS) {
        await emulator.admin.setFaults(operation, { latencyMs });
    }
    const counted = await countedRun(emulator, project, n);
    const upTimes = [counted.upSeconds];
    const providerPeaks = [counted.providerPeakMiB];
    const baselineTimes: number[] = [];
    const baselinePeaks: number[] = [];
    for (let run = 1; run <= repeat; run++) {
        if (run > 1) {
            progress(`N=${n}: up, run ${run} of ${repeat}`);
            const [seconds, peak] = await timedRejectionUp(emulator, project, n, `bench-${n}-${run}`);
            upTimes.push(seconds);
            providerPeaks.push(peak);
        }
        progress(`N=${n}: baseline up, run ${run} of ${repeat}`);
        const [seconds, peak] = await measureBaseline(n, latencyMs, run);
        baselineTimes.push(seconds);
        baselinePeaks.push(peak);
    }
    const ratios = upTimes.map((seconds, i) => seconds / baselineTimes[i]);
    return {
        ...counted,
        upSeconds: median(upTimes),
        baselineSeconds: median(baselineTimes),
        ratioRange: [Math.min(...ratios), Math.max(...ratios)],
        providerPeakMiB: Math.max(...providerPeaks),
        baselinePeakMiB: Math.max(...baselinePeaks),
    };
}

/** One fresh stack of N rejections: the calls of preview, first up, second up and refresh, and the first up's time. */
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
        const memory = new ProviderMemoryWatch();
        let upSeconds = 0;
        const firstUp = await phase("first up", async () => {
            [, upSeconds] = await timed(() => harness.stack.up());
        });
        const providerPeakMiB = await memory.stop();
        const secondUp = await phase("second up", () => harness.stack.up());
        const refresh = await phase("refresh", () => harness.stack.refresh());
        await expectAllRejected(emulator, n);
        return { n, preview, firstUp, secondUp, refresh, upSeconds, providerPeakMiB };
    } finally {
        await harness.dispose();
    }
}

/** The wall time and provider peak memory of the first `up` of N rejections, in a fresh stack. */
async function timedRejectionUp(
    emulator: RunningEmulator,
    project: InstalledProject,
    n: number,
    stack: string,
): Promise<[number, number]> {
    const harness = await rejectionHarness(emulator, project, n, stack);
    try {
        const memory = new ProviderMemoryWatch();
        const [, seconds] = await timed(() => harness.stack.up());
        const peak = await memory.stop();
        await expectAllRejected(emulator, n);
        return [seconds, peak];
    } finally {
        await harness.dispose();
    }
}

async function expectAllRejected(emulator: RunningEmulator, n: number): Promise<void> {
    const rejected = (await emulator.admin.state()).invitations.filter((i) => i.status === "REJECTED").length;
    if (rejected !== n) {
        throw new Error(`N=${n}: ${rejected} invitations rejected, expected ${n}`);
    }
}

/** The baseline's `up` time and provider peak memory, measured the same way as the rejections'. */
async function measureBaseline(n: number, latencyMs: number, run: number): Promise<[number, number]> {
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
        const memory = new ProviderMemoryWatch();
        const [, seconds] = await timed(() => harness.stack.up());
        return [seconds, await memory.stop()];
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

function table(results: SizeResult[], latencyMs: number, repeat: number): string {
    const calls = (c: PhaseCalls) => `${c.reads} / ${c.writes}`;
    const lines = [
        `Latency per RAM call: ${latencyMs} ms. Calls are GetResourceShareInvitations / RejectResourceShareInvitation.`,
        `Wall times: median of ${repeat} first ups of each program; ` +
            "the ratio is of the medians, its range that of the single pairs.",
        "",
        "| N | preview | first up | second up | refresh | read target ceil(N/100) | up (s) | baseline up (s) | " +
            "ratio | ratio range | provider peak RSS (MiB) | baseline provider peak RSS (MiB) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ...results.map((r) =>
            [
                r.n,
                calls(r.preview),
                calls(r.firstUp),
                calls(r.secondUp),
                calls(r.refresh),
                Math.ceil(r.n / 100),
                r.upSeconds.toFixed(1),
                r.baselineSeconds.toFixed(1),
                (r.upSeconds / r.baselineSeconds).toFixed(2),
                r.ratioRange.map((ratio) => ratio.toFixed(2)).join("–"),
                r.providerPeakMiB,
                r.baselinePeakMiB,
            ]
                .join(" | ")
                .replace(/^/, "| ")
                .concat(" |"),
        ),
    ];
    return lines.join("\n");
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            sizes: { type: "string", default: "10,100,500" },
            "latency-ms": { type: "string", default: "50" },
            repeat: { type: "string", default: "3" },
            "throttled-size": { type: "string", default: "100" },
            "policy-sizes": { type: "string", default: "100,1000" },
            "fleet-accounts": { type: "string", default: "20" },
            "root-size": { type: "string", default: "150" },
        },
    });
    const sizes = values.sizes.split(",").map(Number);
    const latencyMs = Number(values["latency-ms"]);
    const throttledSize = Number(values["throttled-size"]);
    const repeat = Number(values.repeat);
    const policySizes = values["policy-sizes"] === "0" ? [] : values["policy-sizes"].split(",").map(Number);
    const fleetAccounts = Number(values["fleet-accounts"]);
    const rootSize = Number(values["root-size"]);
    if (
        sizes.some((n) => !Number.isInteger(n) || n < 1) ||
        policySizes.some((m) => !Number.isInteger(m) || m < 2) ||
        !(Number.isInteger(fleetAccounts) && fleetAccounts >= 0) ||
        !(Number.isInteger(rootSize) && rootSize >= 0) ||
        !(latencyMs >= 0) ||
        !(throttledSize >= 0) ||
        !(Number.isInteger(repeat) && repeat >= 1)
    ) {
        throw new Error(
            "usage: npm run bench -- [--sizes 10,100,500] [--latency-ms 50] [--repeat 3] [--throttled-size 100] " +
                "[--policy-sizes 100,1000 (0 skips)] [--fleet-accounts 20 (0 skips)] [--root-size 150 (0 skips)]",
        );
    }
    const command =
        `npm run bench -- --sizes ${sizes.join(",")} --latency-ms ${latencyMs} ` +
        `--repeat ${repeat} --throttled-size ${throttledSize} --policy-sizes ${policySizes.join(",") || "0"} ` +
        `--fleet-accounts ${fleetAccounts} --root-size ${rootSize}`;
    progress("packing the library and installing it into a throw-away project");
    const project = await installPackedLibrary();
    const emulator = await startEmulator().catch(async (error: unknown) => {
        await project.dispose();
        throw error;
    });
    try {
        const results: SizeResult[] = [];
        for (const n of sizes) {
            results.push(await measureSize(emulator, project, n, latencyMs, repeat));
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
        console.log(
            `\n${table(results, latencyMs, repeat)}\n\n${throttled}\n\n${policy}\n\n${fleet}\n\n${root}\n\n` +
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
