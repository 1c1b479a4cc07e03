/**
 * The fleet row of `npm run bench`: one stack that reaches A accounts through a role each, every
 * account with a policy that rejects its unwanted invitations in two regions. Counts AssumeRole
 * calls per role, list calls per account and region, and writes; times the first `up` next to the
 * same number of rejections by a policy in one account, without roles, and by a fleet of one account
 * through its role (rejections that carry the same role inputs, so the same bytes of state: what is
 * left between the two is the cost of many accounts, their sessions and listings).
 */
import { RunningEmulator, sampleAccounts, SeedAccount } from "../../emulator";
import type { InstalledProject } from "./installed-package";
import { installedStack, median, progress, resetKeepingFaults, timed } from "./measure";

const REGIONS = ["us-east-1", "eu-west-1"];
const { sender: SENDER, hub: HUB, receiver: RECEIVER } = sampleAccounts;

export interface FleetResult {
    accounts: number;
    perAccountAndRegion: number;
    writes: number;
    /** The most AssumeRole calls any one role saw in the first up (program and provider process together). */
    maxAssumeRolePerRole: number;
    /** The most list calls any one account and region saw in the first up. */
    maxListsPerAccountRegion: number;
    fleetSeconds: number;
    singleSeconds: number;
    ratioRange: [number, number];
    /** The same rejections in one account reached through its role. */
    oneRoleSeconds: number;
    oneRoleRatioRange: [number, number];
}

function accountOf(i: number): SeedAccount {
    const id = String(700000000000 + i);
    return { accountId: id, accessKeyId: `AKIDFLEET${id}` };
}

function roleOf(account: SeedAccount): string {
    return `arn:aws:iam::${account.accountId}:role/ram-invitations`;
}

/** A policy that allows nobody the fleet knows: every seeded invitation is unwanted. */
function policy(max: number): Record<string, unknown> {
    return { allowedSenderAccountIds: [HUB.accountId], regions: REGIONS, maxRejectionsPerRun: max };
}

async function seedFleet(emulator: RunningEmulator, accounts: SeedAccount[], perRegion: number): Promise<void> {
    await resetKeepingFaults(emulator);
    await emulator.admin.seed({
        accounts: [HUB, SENDER, ...accounts],
        roles: accounts.map((account) => ({ roleArn: roleOf(account), trustedPrincipals: [HUB.accountId] })),
    });
    for (const receiver of accounts) {
        await emulator.admin.seedPendingInvitations({
            sender: SENDER,
            receiver,
            count: perRegion * REGIONS.length,
            regions: REGIONS,
        });
    }
}

async function fleetUp(
    emulator: RunningEmulator,
    project: InstalledProject,
    accounts: SeedAccount[],
    perRegion: number,
    name: string,
) {
    await seedFleet(emulator, accounts, perRegion);
    const config = {
        accounts: Object.fromEntries(
            accounts.map((account, i) => [
                `account-${i + 1}`,
                { roleArn: roleOf(account), policy: policy(perRegion * REGIONS.length) },
            ]),
        ),
    };
    const stack = await installedStack(emulator, project, name, config, HUB);
    try {
        await emulator.admin.clearCalls();
        const [, seconds] = await timed(() => stack.stack.up());
        return { seconds, calls: await emulator.admin.calls(), sessions: await emulator.admin.issuedCredentials() };
    } finally {
        await stack.dispose();
    }
}

async function singleAccountUp(
    emulator: RunningEmulator,
    project: InstalledProject,
    total: number,
    name: string,
): Promise<number> {
    await resetKeepingFaults(emulator);
    await emulator.admin.seedPendingInvitations({ sender: SENDER, receiver: RECEIVER, count: total, regions: REGIONS });
    const stack = await installedStack(emulator, project, name, { policy: policy(total) }, RECEIVER);
    try {
        const [, seconds] = await timed(() => stack.stack.up());
        return seconds;
    } finally {
        await stack.dispose();
    }
}

export async function measureFleet(
    emulator: RunningEmulator,
    project: InstalledProject,
    accountCount: number,
    perRegion: number,
    repeat: number,
): Promise<FleetResult> {
    const accounts = Array.from({ length: accountCount }, (_, i) => accountOf(i + 1));
    const total = accountCount * REGIONS.length * perRegion;
    const fleetTimes: number[] = [];
    const singleTimes: number[] = [];
    const oneRoleTimes: number[] = [];
    let counted: Awaited<ReturnType<typeof fleetUp>> | undefined;
    for (let run = 1; run <= repeat; run++) {
        progress(`fleet ${accountCount} accounts: up, run ${run} of ${repeat}`);
        const result = await fleetUp(emulator, project, accounts, perRegion, `fleet-${run}`);
        counted ??= result;
        fleetTimes.push(result.seconds);
        progress(`fleet: ${total} rejections in one account, run ${run} of ${repeat}`);
        singleTimes.push(await singleAccountUp(emulator, project, total, `single-${run}`));
        progress(`fleet: ${total} rejections in one account through its role, run ${run} of ${repeat}`);
        const oneRole = await fleetUp(emulator, project, accounts.slice(0, 1), total / REGIONS.length, `one-${run}`);
        oneRoleTimes.push(oneRole.seconds);
    }
    const calls = counted!.calls;
    const writes = calls.filter((c) => c.operation === "RejectResourceShareInvitation" && c.stateChanged).length;
    if (writes !== total) {
        throw new Error(`fleet: ${writes} rejections changed state, expected ${total}`);
    }
    const perRole = new Map<string, number>();
    counted!.sessions.forEach((s) => perRole.set(s.roleArn, (perRole.get(s.roleArn) ?? 0) + 1));
    const perAccountRegion = new Map<string, number>();
    calls
        .filter((c) => c.operation === "GetResourceShareInvitations")
        .forEach((c) =>
            perAccountRegion.set(
                `${c.accountId} ${c.region}`,
                (perAccountRegion.get(`${c.accountId} ${c.region}`) ?? 0) + 1,
            ),
        );
    const range = (against: number[]): [number, number] => {
        const ratios = fleetTimes.map((seconds, i) => seconds / against[i]);
        return [Math.min(...ratios), Math.max(...ratios)];
    };
    return {
        accounts: accountCount,
        perAccountAndRegion: perRegion,
        writes,
        maxAssumeRolePerRole: Math.max(...perRole.values()),
        maxListsPerAccountRegion: Math.max(...perAccountRegion.values()),
        fleetSeconds: median(fleetTimes),
        singleSeconds: median(singleTimes),
        ratioRange: range(singleTimes),
        oneRoleSeconds: median(oneRoleTimes),
        oneRoleRatioRange: range(oneRoleTimes),
    };
}

export function fleetTable(r: FleetResult): string {
    const ratio = (against: number, range: [number, number]) =>
        `${(r.fleetSeconds / against).toFixed(2)} (${range.map((x) => x.toFixed(2)).join("–")})`;
    return [
        `Fleet: ${r.accounts} accounts × ${REGIONS.length} regions × ${r.perAccountAndRegion} unwanted invitations, ` +
            "one stack as a hub identity that assumes a role in each account, a policy per account; next to the " +
            "same rejections in one account without a role, and in one account through its role (the same bytes " +
            "of state per rejection as the fleet's).",
        "",
        "| rejections | writes | AssumeRole per role (program + provider) | list calls per account and region | " +
            "fleet up (s) | one account up (s) | ratio (range) | one account through its role up (s) | " +
            "ratio to it (range) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        `| ${r.accounts * REGIONS.length * r.perAccountAndRegion} | ${r.writes} | ${r.maxAssumeRolePerRole} | ` +
            `${r.maxListsPerAccountRegion} | ${r.fleetSeconds.toFixed(1)} | ${r.singleSeconds.toFixed(1)} | ` +
            `${ratio(r.singleSeconds, r.ratioRange)} | ${r.oneRoleSeconds.toFixed(1)} | ` +
            `${ratio(r.oneRoleSeconds, r.oneRoleRatioRange)} |`,
    ].join("\n");
}
