/**
 * The root-program row: N explicit rejections through the repository's own project (Pulumi.yaml and
 * examples/stack-config, with the checkout's build that `npm ci` installs), next to the same project
 * using the packed package, both run as a user runs them (type-checked). It shows what the
 * repository's programs store per rejection, and what that costs an `up`.
 */
import { clientEnvironment, RunningEmulator, sampleAccounts } from "../../emulator";
import { INVITATION_REJECTION_TYPE_TOKEN } from "../../provider";
import { ProjectCopy, projectConfig, PulumiHarness } from "../pulumi-harness";
import { ROOT_PROJECT, rootProjectCopy } from "../root-project";
import type { InstalledProject } from "./installed-package";
import { median, progress, resetKeepingFaults, timed } from "./measure";

const { sender: SENDER, receiver: RECEIVER } = sampleAccounts;

export interface RootProgramResult {
    n: number;
    rootSeconds: number;
    installedSeconds: number;
    ratioRange: [number, number];
    /** Mean bytes of one rejection's entry in the exported state. */
    rootBytesPerRejection: number;
    installedBytesPerRejection: number;
}

/** One fresh stack of `n` rejections of `copy`: the first up's seconds and the state bytes per rejection. */
async function firstUp(
    emulator: RunningEmulator,
    copy: ProjectCopy,
    n: number,
    stack: string,
): Promise<[number, number]> {
    await resetKeepingFaults(emulator);
    const arns = await emulator.admin.seedPendingInvitations({
        sender: { accountId: SENDER.accountId, accessKeyId: SENDER.accessKeyId },
        receiver: { accountId: RECEIVER.accountId, accessKeyId: RECEIVER.accessKeyId },
        count: n,
        regions: ["us-east-1"],
        namePrefix: "root-bench",
    });
    const rejections = Object.fromEntries(arns.map((invitationArn, i) => [`reject-${i}`, { invitationArn }]));
    const harness = await PulumiHarness.create({
        copy,
        stack,
        config: projectConfig(ROOT_PROJECT, { rejections }),
        env: clientEnvironment(emulator.endpoint, { accessKeyId: RECEIVER.accessKeyId }),
    });
    try {
        const [, seconds] = await timed(() => harness.stack.up());
        const { deployment } = await harness.stack.exportStack();
        const entries = (deployment.resources as { type: string }[]).filter(
            (r) => r.type === INVITATION_REJECTION_TYPE_TOKEN,
        );
        if (entries.length !== n) {
            throw new Error(`root-program row: ${entries.length} rejections in state, expected ${n}`);
        }
        const bytes = entries.reduce((sum, entry) => sum + Buffer.byteLength(JSON.stringify(entry)), 0);
        return [seconds, bytes / n];
    } finally {
        await harness.dispose();
    }
}

export async function measureRootProgram(
    emulator: RunningEmulator,
    installed: InstalledProject,
    n: number,
    repeat: number,
): Promise<RootProgramResult> {
    const root: [number, number][] = [];
    const packed: [number, number][] = [];
    for (let run = 1; run <= repeat; run++) {
        progress(`root program, N=${n}: up, run ${run} of ${repeat}`);
        root.push(await firstUp(emulator, rootProjectCopy(), n, `root-${n}-${run}`));
        progress(`installed package, N=${n}: up, run ${run} of ${repeat}`);
        packed.push(await firstUp(emulator, installed.copy, n, `installed-${n}-${run}`));
    }
    const ratios = root.map(([seconds], i) => seconds / packed[i][0]);
    return {
        n,
        rootSeconds: median(root.map(([seconds]) => seconds)),
        installedSeconds: median(packed.map(([seconds]) => seconds)),
        ratioRange: [Math.min(...ratios), Math.max(...ratios)],
        rootBytesPerRejection: median(root.map(([, bytes]) => bytes)),
        installedBytesPerRejection: median(packed.map(([, bytes]) => bytes)),
    };
}

export function rootProgramTable(r: RootProgramResult, repeat: number): string {
    return [
        `Root program row: N = ${r.n} explicit rejections, the repository's own Pulumi.yaml next to the same ` +
            `program importing the packed package; both type-checked, as Pulumi runs a user's program. ` +
            `Median of ${repeat} first ups each.`,
        "",
        "| N | root program up (s) | installed package up (s) | ratio | ratio range | " +
            "state bytes per rejection, root | state bytes per rejection, installed |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        `| ${r.n} | ${r.rootSeconds.toFixed(1)} | ${r.installedSeconds.toFixed(1)} | ` +
            `${(r.rootSeconds / r.installedSeconds).toFixed(2)} | ` +
            `${r.ratioRange.map((x) => x.toFixed(2)).join("–")} | ${Math.round(r.rootBytesPerRejection)} | ` +
            `${Math.round(r.installedBytesPerRejection)} |`,
    ].join("\n");
}
