/**
 * The acceptance row of `npm run bench`: N InvitationAcceptances of the installed package (the
 * benchmark's answer program with `answer: accept`), each share's association taking
 * `--association-delay-ms`, next to N rejections of the same program, in turn. Counts every RAM
 * call of preview, first up and second up per acceptance (target: 1 accept, at most 1 association
 * poll per second of delay, listings shared as for rejections).
 */
import { CallLogEntry, clientEnvironment, RunningEmulator, sampleAccounts } from "../../emulator";
import { PulumiHarness } from "../pulumi-harness";
import type { InstalledProject } from "./installed-package";
import { median, progress, seedInvitationsFile, timed } from "./measure";

const REGION = "us-east-1";
const { receiver: RECEIVER } = sampleAccounts;

/** Every RAM operation an acceptance (or a rejection) may call. */
const OPERATIONS = [
    "GetResourceShareInvitations",
    "ListPendingInvitationResources",
    "AcceptResourceShareInvitation",
    "RejectResourceShareInvitation",
    "GetResourceShares",
    "ListResources",
] as const;

export interface AcceptanceResult {
    n: number;
    delayMs: number;
    /** Calls per operation, by phase. */
    calls: Record<"preview" | "firstUp" | "secondUp", Record<string, number>>;
    acceptSeconds: number[];
    /** The same first up with `--parallel N`: every acceptance waits for its association at once. */
    acceptParallelSeconds: number[];
    rejectSeconds: number[];
}

async function answerStack(
    emulator: RunningEmulator,
    project: InstalledProject,
    answer: "accept" | "reject",
    n: number,
    delayMs: number,
    stack: string,
): Promise<PulumiHarness> {
    return PulumiHarness.create({
        program: project.rejectionsProgram,
        project: "ram-invitations-bench",
        stack,
        config: {
            "ram-invitations-bench:invitationsFile": {
                value: await seedInvitationsFile(emulator, { n, region: REGION, stack, associationDelayMs: delayMs }),
            },
            "ram-invitations-bench:answer": { value: answer },
        },
        env: clientEnvironment(emulator.endpoint, RECEIVER),
    });
}

function byOperation(calls: CallLogEntry[]): Record<string, number> {
    return Object.fromEntries(OPERATIONS.map((op) => [op, calls.filter((c) => c.operation === op).length]));
}

async function expectAll(emulator: RunningEmulator, n: number, status: "ACCEPTED" | "REJECTED"): Promise<void> {
    const done = (await emulator.admin.state()).invitations.filter((i) => i.status === status).length;
    if (done !== n) {
        throw new Error(`acceptance row: ${done} invitations ${status}, expected ${n}`);
    }
}

export async function measureAcceptance(
    emulator: RunningEmulator,
    project: InstalledProject,
    n: number,
    delayMs: number,
    latencyMs: number,
    repeat: number,
): Promise<AcceptanceResult> {
    await emulator.admin.clearFaults();
    const setLatency = async () => {
        for (const operation of OPERATIONS) {
            await emulator.admin.setFaults(operation, { latencyMs });
        }
    };
    const calls = {} as AcceptanceResult["calls"];
    const acceptSeconds: number[] = [];
    const acceptParallelSeconds: number[] = [];
    const rejectSeconds: number[] = [];
    for (let run = 1; run <= repeat; run++) {
        progress(`acceptances N=${n}, association delay ${delayMs} ms: run ${run} of ${repeat}`);
        const accepting = await answerStack(emulator, project, "accept", n, delayMs, `accept-${n}-${run}`);
        try {
            await setLatency(); // reset() cleared the faults
            if (run === 1) {
                await emulator.admin.clearCalls();
                await accepting.stack.preview();
                calls.preview = byOperation(await emulator.admin.calls());
            }
            await emulator.admin.clearCalls();
            const [, seconds] = await timed(() => accepting.stack.up());
            acceptSeconds.push(seconds);
            if (run === 1) {
                calls.firstUp = byOperation(await emulator.admin.calls());
                await emulator.admin.clearCalls();
                await accepting.stack.up();
                calls.secondUp = byOperation(await emulator.admin.calls());
            }
            await expectAll(emulator, n, "ACCEPTED");
        } finally {
            await accepting.dispose();
        }
        const parallel = await answerStack(emulator, project, "accept", n, delayMs, `accept-parallel-${n}-${run}`);
        try {
            await setLatency();
            const [, seconds] = await timed(() => parallel.stack.up({ parallel: n }));
            acceptParallelSeconds.push(seconds);
            await expectAll(emulator, n, "ACCEPTED");
        } finally {
            await parallel.dispose();
        }
        const rejecting = await answerStack(emulator, project, "reject", n, delayMs, `reject-${n}-${run}`);
        try {
            await setLatency();
            const [, seconds] = await timed(() => rejecting.stack.up());
            rejectSeconds.push(seconds);
            await expectAll(emulator, n, "REJECTED");
        } finally {
            await rejecting.dispose();
        }
    }
    return { n, delayMs, calls, acceptSeconds, acceptParallelSeconds, rejectSeconds };
}

export function acceptanceTable(result: AcceptanceResult, repeat: number): string {
    const { n, delayMs, calls } = result;
    const perAcceptance = (count: number) => (count / n).toFixed(2);
    const delaySeconds = delayMs / 1000;
    const polls = calls.firstUp.GetResourceShares / n;
    const acceptUp = median(result.acceptSeconds);
    const rejectUp = median(result.rejectSeconds);
    return [
        `Acceptances: N = ${n} InvitationAcceptances, each share's association taking ${delayMs} ms, next to N ` +
            `rejections (medians of ${repeat} fresh stacks each, in turn). Calls per acceptance in the first up ` +
            "(targets: 1 accept; association polls at most 1 per second of delay; listings shared). An acceptance " +
            "holds one of the engine's parallel slots (`pulumi up`'s default: 4 per core) while it waits, so the " +
            "default up waits in turns; `--parallel N` lets all of them wait at once.",
        "",
        "| phase | " + OPERATIONS.join(" | ") + " |",
        "| --- | " + OPERATIONS.map(() => "---:").join(" | ") + " |",
        ...(["preview", "firstUp", "secondUp"] as const).map(
            (phase) => `| ${phase} | ${OPERATIONS.map((op) => calls[phase][op]).join(" | ")} |`,
        ),
        "",
        "| N | accept up (s) | accept up --parallel N (s) | reject up (s) | accept to reject | " +
            "accepts per acceptance | polls per acceptance | polls per second of delay |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        `| ${n} | ${acceptUp.toFixed(1)} | ${median(result.acceptParallelSeconds).toFixed(1)} | ` +
            `${rejectUp.toFixed(1)} | ${(acceptUp / rejectUp).toFixed(2)} | ` +
            `${perAcceptance(calls.firstUp.AcceptResourceShareInvitation)} | ${polls.toFixed(2)} | ` +
            `${delaySeconds > 0 ? (polls / delaySeconds).toFixed(2) : "-"} |`,
    ].join("\n");
}
