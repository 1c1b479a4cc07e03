/**
 * The benchmark's plugin program: N rejections of the provider plugin, through its generated
 * TypeScript SDK, one per ARN of the JSON file named by the config key `invitationsFile`, declared in
 * turn as rejections-program.ts declares the dynamic resource's.
 */
import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { InvitationRejection } from "@pulumi-ram-invitations/sdk";

const arns = JSON.parse(readFileSync(new pulumi.Config().require("invitationsFile"), "utf8")) as string[];

async function declareAll(): Promise<number> {
    for (const [i, invitationArn] of arns.entries()) {
        new InvitationRejection(`reject-${i}`, { invitationArn });
        await new Promise((resolve) => setImmediate(resolve));
    }
    return arns.length;
}

export const declared = declareAll();
