/**
 * The organization row of `npm run bench`: a policy whose allow list names OUs of an AWS
 * Organization of A accounts in U OUs (10 under the root, the others nested one level below them),
 * over M pending invitations, one from each of M accounts of the organization: half in the allowed
 * OUs, half elsewhere. Counts the Organizations calls of preview and up (listings, and the pages
 * that continue them) and times the up next to the same policy with the allowed OUs' ACTIVE
 * accounts listed by id: what reading the organization adds to a policy run.
 */
import { RunningEmulator, sampleAccounts, SeedAccount } from "../../emulator";
import type { InstalledProject } from "./installed-package";
import { expectRejected, installedStack, median, progress, resetKeepingFaults, timed } from "./measure";

const REGION = "us-east-1";
const { receiver: RECEIVER, hub: MANAGEMENT } = sampleAccounts;
const ORGANIZATION_ID = "o-bench00001";
const ROOT_ID = "r-be01";
const TOP_LEVEL_OUS = 10;

export interface OrganizationCalls {
    /** Calls without a NextToken: one per listing (or Describe call). */
    listings: number;
    /** Every call, the pages that continue a listing included. */
    calls: number;
}

export interface OrganizationResult {
    accounts: number;
    ous: number;
    m: number;
    allowedAccounts: number;
    preview: OrganizationCalls;
    up: OrganizationCalls;
    policySeconds: number;
    explicitSeconds: number;
}

interface Layout {
    ouIds: string[];
    parentOf: (ou: number) => string;
    /** The OU of the i-th account. */
    ouOf: (account: number) => number;
    accountId: (account: number) => string;
    /** The top-level OUs the policy allows (the first half), with everything below them. */
    allowedTargets: string[];
    isAllowed: (account: number) => boolean;
}

function layout(ous: number): Layout {
    const ouIds = Array.from({ length: ous }, (_, i) => `ou-be01-${String(i).padStart(8, "0")}`);
    const top = Math.min(TOP_LEVEL_OUS, ous);
    const topOf = (ou: number) => (ou < top ? ou : (ou - top) % top);
    const allowedTop = Math.ceil(top / 2);
    return {
        ouIds,
        parentOf: (ou) => (ou < top ? ROOT_ID : ouIds[topOf(ou)]),
        ouOf: (account) => account % ous,
        accountId: (account) => String(200_000_000_000 + account),
        allowedTargets: ouIds.slice(0, allowedTop),
        isAllowed: (account) => topOf(account % ous) < allowedTop,
    };
}

/** Seeds the organization and one pending invitation from each of M of its accounts; answers the unwanted ARNs. */
async function seed(emulator: RunningEmulator, accounts: number, ous: number, m: number): Promise<string[]> {
    await resetKeepingFaults(emulator);
    const shape = layout(ous);
    // Senders without secret keys: SigV4 verification is the stand-in's cost, not the library's.
    const sender = (i: number): SeedAccount => ({
        accountId: shape.accountId(i),
        accessKeyId: `AKIDBENCHORG${String(i).padStart(8, "0")}`,
    });
    const senders = Array.from({ length: m }, (_, i) => i);
    await emulator.admin.seed({
        accounts: [MANAGEMENT, RECEIVER, ...senders.map(sender)],
        organization: {
            id: ORGANIZATION_ID,
            managementAccountId: MANAGEMENT.accountId,
            rootId: ROOT_ID,
            delegatedAdministrators: [RECEIVER.accountId],
            organizationalUnits: shape.ouIds.map((id, ou) => ({ id, name: `ou-${ou}`, parentId: shape.parentOf(ou) })),
            accounts: [
                { id: RECEIVER.accountId, parentId: ROOT_ID },
                ...Array.from({ length: accounts }, (_, i) => ({
                    id: shape.accountId(i),
                    parentId: shape.ouIds[shape.ouOf(i)],
                })),
            ],
        },
    });
    const unwanted: string[] = [];
    for (const i of senders) {
        const [arn] = await emulator.admin.seedPendingInvitations({
            sender: sender(i),
            receiver: { accountId: RECEIVER.accountId, accessKeyId: RECEIVER.accessKeyId },
            count: 1,
            regions: [REGION],
            namePrefix: `from-${i}`,
        });
        if (!shape.isAllowed(i)) {
            unwanted.push(arn);
        }
    }
    return unwanted;
}

function organizationCalls(calls: { service?: string; nextTokenGiven?: boolean }[]): OrganizationCalls {
    const ofOrganizations = calls.filter((c) => c.service === "organizations");
    return { listings: ofOrganizations.filter((c) => !c.nextTokenGiven).length, calls: ofOrganizations.length };
}

export async function measureOrganization(
    emulator: RunningEmulator,
    project: InstalledProject,
    options: { accounts: number; ous: number; m: number; repeat: number },
): Promise<OrganizationResult> {
    const { accounts, ous, m, repeat } = options;
    const shape = layout(ous);
    const allowedIds = Array.from({ length: accounts }, (_, i) => i)
        .filter(shape.isAllowed)
        .map(shape.accountId);
    const common = { regions: [REGION], maxRejectionsPerRun: m };
    const byTargets = { ...common, allowedOrganizationTargets: shape.allowedTargets };
    const byIds = { ...common, allowedSenderAccountIds: allowedIds };
    const policyTimes: number[] = [];
    const explicitTimes: number[] = [];
    let preview: OrganizationCalls = { listings: 0, calls: 0 };
    let up: OrganizationCalls = { listings: 0, calls: 0 };
    for (let run = 1; run <= repeat; run++) {
        for (const [kind, policy] of [
            ["targets", byTargets],
            ["ids", byIds],
        ] as const) {
            progress(`organization A=${accounts} U=${ous} M=${m}: ${kind}, run ${run} of ${repeat}`);
            const unwanted = await seed(emulator, accounts, ous, m);
            const harness = await installedStack(emulator, project, `organization-${kind}-${run}`, { policy });
            try {
                if (kind === "targets" && run === 1) {
                    await emulator.admin.clearCalls();
                    await harness.stack.preview();
                    preview = organizationCalls(await emulator.admin.calls());
                }
                await emulator.admin.clearCalls();
                const [, seconds] = await timed(() => harness.stack.up());
                await expectRejected(emulator, unwanted, "organization");
                if (kind === "targets") {
                    up = organizationCalls(await emulator.admin.calls());
                    policyTimes.push(seconds);
                } else {
                    explicitTimes.push(seconds);
                }
            } finally {
                await harness.dispose();
            }
        }
    }
    return {
        accounts,
        ous,
        m,
        allowedAccounts: allowedIds.length,
        preview,
        up,
        policySeconds: median(policyTimes),
        explicitSeconds: median(explicitTimes),
    };
}

export function organizationTable(results: OrganizationResult[], repeat: number): string {
    const calls = (c: OrganizationCalls) => `${c.listings} / ${c.calls}`;
    return [
        `Organization: a policy allowing the first half of the (at most ${TOP_LEVEL_OUS}) top-level OUs, ` +
            `and the OUs below them, of an organization of A accounts in U OUs, over M invitations from its ` +
            `accounts, half allowed; Organizations calls as listings / calls (pages included); up times are ` +
            `medians of ${repeat}, against the same policy with the allowed accounts listed by id.`,
        "",
        "| A | U | M | allowed accounts | preview calls | up calls | policy up, targets (s) | " +
            "policy up, ids (s) | added (s) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ...results.map(
            (r) =>
                `| ${r.accounts} | ${r.ous} | ${r.m} | ${r.allowedAccounts} | ${calls(r.preview)} | ${calls(r.up)} | ` +
                `${r.policySeconds.toFixed(1)} | ${r.explicitSeconds.toFixed(1)} | ` +
                `${(r.policySeconds - r.explicitSeconds).toFixed(1)} |`,
        ),
    ].join("\n");
}
