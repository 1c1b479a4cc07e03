/**
 * The benchmark's shaped baseline: N dynamic resources with the rejection's shape (the same input
 * and output names, values of the same sizes, a check that adds the reviewer's facts, the provider
 * stored as a one-line `require`) whose create only waits one RAM call's latency (the variable
 * RAM_INVITATIONS_BENCH_LATENCY_MS of the provider process). Its `up` is what
 * Pulumi itself spends on N such resources (the program's registrations, the engine's checkpoints);
 * the gap between it and the rejection program is what the library spends (the AWS SDK, RAM's
 * answers, the client token).
 */
import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
// Installed under node_modules by installed-package.ts (from shaped-baseline/provider.js); imported
// as the module object itself (not an import-star wrapper), which Pulumi stores as one `require`.
import provider = require("ram-invitations-bench-baseline");

const arns = JSON.parse(readFileSync(new pulumi.Config().require("invitationsFile"), "utf8")) as string[];

class ShapedBaseline extends pulumi.dynamic.Resource {
    declare public readonly invitationArn: pulumi.Output<string>;
    declare public readonly status: pulumi.Output<string>;

    constructor(index: number, invitationArn: string) {
        const props = {
            invitationArn,
            clientToken: `00000000-0000-5000-8000-${String(index).padStart(12, "0")}`,
            resourceShareName: undefined,
            senderAccountId: undefined,
            receiverAccountId: undefined,
            status: undefined,
            invitationTimestamp: undefined,
            rejectedAt: undefined,
        };
        super(provider, `reject-${index}`, props, undefined, "bench", "Shaped");
    }
}

async function declareAll(): Promise<number> {
    for (const [i, invitationArn] of arns.entries()) {
        new ShapedBaseline(i, invitationArn);
        await new Promise((resolve) => setImmediate(resolve));
    }
    return arns.length;
}

export const declared = declareAll();
