/**
 * The benchmark's answer program: N InvitationRejections of the installed package (or, with the
 * config key `answer` set to `accept`, N InvitationAcceptances), one per ARN of the JSON file named
 * by the config key `invitationsFile`, declared in turn by the library's own declareInTurn, as the
 * root program (declareRejectionsFromConfig) and a policy declare theirs. The root program itself
 * reads its rejections from stack config, which Pulumi hands a Node.js program in one environment
 * variable; Linux caps one at 128 KiB, about 900 rejections, so the benchmark's larger N read a
 * file instead.
 */
import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { InvitationAcceptance, InvitationRejection } from "pulumi-ram-invitations";
import { declareInTurn } from "pulumi-ram-invitations/bin/provider/policy/declare-in-turn";

const config = new pulumi.Config();
const arns = JSON.parse(readFileSync(config.require("invitationsFile"), "utf8")) as string[];
const accepts = config.get("answer") === "accept";
const Answer = accepts ? InvitationAcceptance : InvitationRejection;
const prefix = accepts ? "accept" : "reject";

export const declared = declareInTurn(
    [...arns.entries()],
    ([i, invitationArn]) => new Answer(`${prefix}-${i}`, { invitationArn }),
).then((answers) => answers.length);
