/**
 * The policy row of `npm run bench`: an account that sees M invitations in one region, half of
 * them from an unwanted sender. Counts the list calls (the program's and the provider's together)
 * and the writes of preview, first up and second up, and times the first up next to the same
 * rejections declared explicitly in stack config.
 */
import { RunningEmulator, sampleAccounts, SeedAccount } from "../../emulator";
import type { InstalledProject } from "./installed-package";
import {
    countCalls,
    expectRejected,
    installedStack,
    median,
    PhaseCalls,
    progress,
    resetKeepingFaults,
    timed,
} from "./measure";

const REGION = "us-east-1";
const { sender: ALLOWED, other: UNWANTED, receiver: RECEIVER } = sampleAccounts;

export interface PolicyResult {
    m: number;
    unwanted: number;
    preview: PhaseCalls;
    firstUp: PhaseCalls;
    secondUp: PhaseCalls;
    policySeconds: number;
    explicitSeconds: number;
    ratioRange: [number, number];
}

/** Seeds M invitations (half allowed, half unwanted); answers the unwanted ones' ARNs. */
async function seed(emulator: RunningEmulator, m: number): Promise<string[]> {
    await resetKeepingFaults(emulator);
    // Without secret keys: SigV4 verification is the stand-in's cost, not the library's.
    const withoutSecret = ({ accountId, accessKeyId }: SeedAccount) => ({ accountId, accessKeyId });
    await emulator.admin.seedPendingInvitations({
        sender: withoutSecret(ALLOWED),
        receiver: withoutSecret(RECEIVER),
        count: m - Math.floor(m / 2),
        regions: [REGION],
        namePrefix: "allowed",
    });
    return emulator.admin.seedPendingInvitations({
        sender: withoutSecret(UNWANTED),
        receiver: withoutSecret(RECEIVER),
        count: Math.floor(m / 2),
        regions: [REGION],
        namePrefix: "unwanted",
    });
}

function policyConfig(m: number): Record<string, unknown> {
    return { policy: { allowedSenderAccountIds: [ALLOWED.accountId], regions: [REGION], maxRejectionsPerRun: m } };
}

/** The first up's time of a fresh stack with `config`, over a fresh seed. */
async function timedFirstUp(
    emulator: RunningEmulator,
    project: InstalledProject,
    name: string,
    config: (unwanted: string[]) => Record<string, unknown>,
    m: number,
): Promise<number> {
    const unwanted = await seed(emulator, m);
    const harness = await installedStack(emulator, project, name, config(unwanted));
    try {
        const [, seconds] = await timed(() => harness.stack.up());
        await expectRejected(emulator, unwanted, "policy");
        return seconds;
    } finally {
        await harness.dispose();
    }
}

export async function measurePolicy(
    emulator: RunningEmulator,
    project: InstalledProject,
    m: number,
    repeat: number,
): Promise<PolicyResult> {
    const unwanted = await seed(emulator, m);
    const harness = await installedStack(emulator, project, `policy-${m}`, policyConfig(m));
    const phase = async (name: string, run: () => Promise<unknown>): Promise<[PhaseCalls, number]> => {
        progress(`policy M=${m}: ${name}`);
        await emulator.admin.clearCalls();
        const [, seconds] = await timed(run);
        return [countCalls(await emulator.admin.calls()), seconds];
    };
    let counted;
    try {
        const [preview] = await phase("preview", () => harness.stack.preview());
        const [firstUp, firstSeconds] = await phase("first up", () => harness.stack.up());
        await expectRejected(emulator, unwanted, "policy");
        const [secondUp] = await phase("second up", () => harness.stack.up());
        counted = { preview, firstUp, secondUp, firstSeconds };
    } finally {
        await harness.dispose();
    }
    const policyTimes = [counted.firstSeconds];
    const explicitTimes: number[] = [];
    const explicit = (arns: string[]) => ({
        rejections: Object.fromEntries(arns.map((invitationArn, i) => [`reject-${i}`, { invitationArn }])),
    });
    for (let run = 1; run <= repeat; run++) {
        if (run > 1) {
            progress(`policy M=${m}: up, run ${run} of ${repeat}`);
            policyTimes.push(await timedFirstUp(emulator, project, `policy-${m}-${run}`, () => policyConfig(m), m));
        }
        progress(`policy M=${m}: explicit up, run ${run} of ${repeat}`);
        explicitTimes.push(await timedFirstUp(emulator, project, `explicit-${m}-${run}`, explicit, m));
    }
    const ratios = policyTimes.map((seconds, i) => seconds / explicitTimes[i]);
    return {
        m,
        unwanted: unwanted.length,
        preview: counted.preview,
        firstUp: counted.firstUp,
        secondUp: counted.secondUp,
        policySeconds: median(policyTimes),
        explicitSeconds: median(explicitTimes),
        ratioRange: [Math.min(...ratios), Math.max(...ratios)],
    };
}

export function policyTable(results: PolicyResult[]): string {
    const calls = (c: PhaseCalls) => `${c.reads} / ${c.writes}`;
    return [
        "Policy: M invitations in one region, half from an unwanted sender; reads are the program's and the " +
            "provider's list calls together.",
        "",
        "| M | unwanted | preview | first up | second up | read target 2·ceil(M/500) | policy up (s) | " +
            "explicit up (s) | ratio | ratio range |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ...results.map(
            (r) =>
                `| ${r.m} | ${r.unwanted} | ${calls(r.preview)} | ${calls(r.firstUp)} | ${calls(r.secondUp)} | ` +
                `${2 * Math.ceil(r.m / 500)} | ${r.policySeconds.toFixed(1)} | ${r.explicitSeconds.toFixed(1)} | ` +
                `${(r.policySeconds / r.explicitSeconds).toFixed(2)} | ` +
                `${r.ratioRange.map((ratio) => ratio.toFixed(2)).join("–")} |`,
        ),
    ].join("\n");
}
