/**
 * The benchmark's plugin program: N rejections of the provider plugin, through its generated
 * TypeScript SDK, one per ARN of the JSON file named by the config key `invitationsFile`, declared in
 * turn by the library's declareInTurn, as rejections-program.ts declares the dynamic resource's.
 */
import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { InvitationRejection } from "@pulumi-ram-invitations/sdk";
import { declareInTurn } from "pulumi-ram-invitations/bin/provider/policy/declare-in-turn";

const arns = JSON.parse(readFileSync(new pulumi.Config().require("invitationsFile"), "utf8")) as string[];

export const declared = declareInTurn(
    [...arns.entries()],
    ([i, invitationArn]) => new InvitationRejection(`reject-${i}`, { invitationArn }),
).then((rejections) => rejections.length);
