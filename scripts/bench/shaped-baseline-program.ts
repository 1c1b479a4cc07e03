/**
 * The benchmark's shaped baseline: N dynamic resources that carry the rejection's bytes of state
 * (the same input and output names, values of the same sizes, a check that adds the reviewer's
 * facts, the provider stored as a one-line `require` of a path as long as the library's, source
 * positions of the same lengths, a type token as long) whose create only waits one RAM call's
 * latency (the variable RAM_INVITATIONS_BENCH_LATENCY_MS of the provider process). Its `up` is what
 * Pulumi itself spends on N such resources (the program's registrations, the engine's checkpoints);
 * the gap between it and the rejection program is what the library spends (the AWS SDK, RAM's
 * answers, the client token). Declared in turn by the library's declareInTurn, as rejections-program.ts
 * declares its own, so that Pulumi records stack traces of the same frames.
 */
import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
// Installed under node_modules by installed-package.ts (from shaped-baseline/), as the library is.
import { ShapedRejection } from "ram-invitations-shaped/provider/dynamic/invitation-rejection";
import { declareInTurn } from "pulumi-ram-invitations/bin/provider/policy/declare-in-turn";

const arns = JSON.parse(readFileSync(new pulumi.Config().require("invitationsFile"), "utf8")) as string[];

export const declared = declareInTurn(
    [...arns.entries()],
    ([i, invitationArn]) => new ShapedRejection(`reject-${i}`, i, invitationArn),
).then((declaredAll) => declaredAll.length);
