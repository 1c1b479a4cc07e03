/**
 * `check` for an answer to an invitation (a rejection or an acceptance): offline validation of the
 * inputs, then (for a new or re-pointed resource) a look at the invitation in RAM, so that
 * `pulumi preview` fails where `up` would. In the update, what RAM says fails this resource only:
 * see phase.ts. What differs between the answers is in {@link AnswerRules}.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceShareInvitation } from "@aws-sdk/client-ram";
import { warn } from "../../diagnostics";
import type { RamArn } from "../../inputs/arn";
import { isLocalRefusal } from "../../ram/errors";
import {
    CallContext,
    describeLookupFailure,
    describeMissingShareInvitation,
    describeRamError,
} from "../../ram/messages";
import { findInvitationByArn, findInvitationForShare } from "../../ram/invitation-finders";
import type { RamSession } from "../../ram/ram-session";
import type { RamSessions } from "../../ram/ram-sessions";
import { parseRoleInputs } from "../../inputs/role-inputs";
import { isClientToken } from "./token";
import {
    asSdkInvitation,
    invitationWaitSeconds,
    ListedInvitation,
    LISTED_INPUT,
    RejectionInputs,
    withoutUndefined,
} from "./properties";
import { parseSelection, requireArn, Selection } from "../../inputs/selection";
import { UNKNOWN } from "../../inputs/unknown";
import { CheckPhase, DEFERRED_FAILURE_INPUT } from "./phase";
import type { Verdict } from "./verdict";

type CheckFailure = pulumi.dynamic.CheckFailure;
type SelectionInRam = Extract<Selection, { arn: RamArn }>;

/** What tells one answer's `check` from the other's. */
export interface AnswerRules {
    /** The resource's name in messages, e.g. `InvitationRejection`. */
    resourceName: string;
    /** Whether the answer can be given to the invitation as RAM shows it (see verdict.ts). */
    judge(invitation: ResourceShareInvitation | undefined, context: CallContext): Verdict;
    /** Checks the answer's own inputs offline; answers them (without the absent ones) and every problem. */
    ownInputs(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] };
    /** What the state already knows that a reviewer is shown again, besides sender and share name. */
    keptFacts: readonly string[];
    /** More for the reviewer, looked up once the invitation passed the verdict (e.g. what will be shared). */
    previewFacts?(session: RamSession, invitation: ResourceShareInvitation): Promise<Record<string, unknown>>;
}

export async function checkAnswer(
    rules: AnswerRules,
    sessions: RamSessions,
    olds: Partial<RejectionInputs>,
    news: Partial<RejectionInputs>,
    phase: CheckPhase,
): Promise<pulumi.dynamic.CheckResult> {
    const { selection, failures } = parseSelection(news);
    const { role, failures: roleFailures } = parseRoleInputs(news);
    const own = rules.ownInputs(news as Record<string, unknown>);
    failures.push(...roleFailures, ...own.failures);
    const inputs: RejectionInputs = {
        invitationArn: news.invitationArn,
        resourceShareArn: news.resourceShareArn,
        clientToken: news.clientToken as string,
        invitationWaitSeconds: news.invitationWaitSeconds,
        roleArn: news.roleArn,
        externalId: news.externalId,
        roleSessionName: news.roleSessionName,
        ...own.inputs,
    };
    if (inputs.clientToken !== UNKNOWN && !isClientToken(inputs.clientToken)) {
        failures.push({
            property: "clientToken",
            reason: `clientToken is set by ${rules.resourceName} from the resource's URN; do not pass it yourself`,
        });
    }
    if (!selection || selection.by === "unknown" || failures.length > 0) {
        return { inputs: withoutUndefined(inputs), failures };
    }
    if (selectsSameInvitation(olds, news)) {
        return { inputs: keptFromState(olds, inputs, rules.keptFacts), failures };
    }
    const session = sessions.forRole(role);
    const listed = handedOver(session, selection, news[LISTED_INPUT]);
    const checked = await checkAgainstRam(rules, session, selection, inputs, listed);
    if (phase === "preview" || !checked.failures?.length) {
        return checked;
    }
    // In the update, what RAM says about this invitation fails this resource only (see
    // phase.ts); offline failures above are bugs in the program and stop the update.
    return {
        inputs: {
            ...checked.inputs,
            [DEFERRED_FAILURE_INPUT]: checked.failures.map((failure) => failure.reason).join("; "),
        },
        failures: [],
    };
}

/**
 * What the program has just listed about the selected invitation, if it handed that over; this
 * process remembers it as fresh evidence, so that `create` adopts an invitation listed as REJECTED.
 */
function handedOver(
    session: RamSession,
    selection: SelectionInRam,
    listed: ListedInvitation | undefined,
): ResourceShareInvitation | undefined {
    if (!listed || selection.by !== "invitationArn") {
        return undefined;
    }
    const invitation = asSdkInvitation(selection.arn.arn, listed);
    session.invitations.remember(selection.arn.region, invitation);
    return invitation;
}

/**
 * Nothing to look up: the invitation was checked when the resource was created. Keep what was
 * learnt then, and the token RAM has seen: a rename, an alias or a new parent changes the URN, but
 * must not change the token.
 */
function keptFromState(
    olds: Partial<RejectionInputs>,
    inputs: RejectionInputs,
    keptFacts: readonly string[],
): RejectionInputs {
    const kept = Object.fromEntries(keptFacts.map((key) => [key, (olds as Record<string, unknown>)[key]]));
    return withoutUndefined({
        ...inputs,
        invitationArn: olds.invitationArn,
        clientToken: isClientToken(olds.clientToken) ? olds.clientToken : inputs.clientToken,
        senderAccountId: olds.senderAccountId,
        resourceShareName: olds.resourceShareName,
        ...kept,
    });
}

/** True when the program still selects the invitation that the resource's state already names. */
function selectsSameInvitation(olds: Partial<RejectionInputs>, news: Partial<RejectionInputs>): boolean {
    if (typeof olds.invitationArn !== "string") {
        return false;
    }
    return news.invitationArn !== undefined
        ? news.invitationArn === olds.invitationArn
        : news.resourceShareArn === olds.resourceShareArn;
}

/**
 * Looks the selected invitation up (or takes what the program just listed) so that preview fails
 * where `up` would.
 */
async function checkAgainstRam(
    rules: AnswerRules,
    session: RamSession,
    selection: SelectionInRam,
    inputs: RejectionInputs,
    listed: ResourceShareInvitation | undefined,
): Promise<pulumi.dynamic.CheckResult> {
    let invitation: ResourceShareInvitation | undefined;
    try {
        invitation = listed ?? (await findSelectedInvitation(session, selection, invitationWaitSeconds(inputs)));
    } catch (error) {
        if (isLocalRefusal(error)) {
            // Without the role (or in an account not allowed) nothing can be looked up or answered: say so.
            const reason = describeRamError(error, await session.callContext(selection.arn), "look up");
            const property = session.settings.role ? "roleArn" : selection.by;
            return { inputs: withoutUndefined(inputs), failures: [{ property, reason }] };
        }
        const context = session.contextWithoutAccount(selection.arn.arn, selection.arn.region);
        warn(
            `could not look up ${selection.arn.arn} in RAM (${describeLookupFailure(error, context)}); ` +
                `it was validated offline only.`,
        );
        return { inputs: withoutUndefined(inputs), failures: [] };
    }
    const invitationArn = invitation?.resourceShareInvitationArn ?? inputs.invitationArn ?? selection.arn.arn;
    const failure = await judgeSelection(rules, session, selection, invitation, invitationArn, inputs);
    const more = !failure && invitation && rules.previewFacts ? await rules.previewFacts(session, invitation) : {};
    return {
        inputs: withoutUndefined({
            ...inputs,
            invitationArn,
            senderAccountId: invitation?.senderAccountId,
            resourceShareName: invitation?.resourceShareName,
            ...more,
        }),
        failures: failure ? [failure] : [],
    };
}

// check runs for one resource at a time, so its lookups are answered from one listing of the
// region (see InvitationLoader); only a miss costs a call of its own.
function findSelectedInvitation(
    session: RamSession,
    selection: SelectionInRam,
    waitSeconds: number,
): Promise<ResourceShareInvitation | undefined> {
    const { region, arn } = selection.arn;
    return selection.by === "invitationArn"
        ? findInvitationByArn(session.invitations, region, arn)
        : findInvitationForShare(session.invitations, region, arn, waitSeconds);
}

/** Why RAM will not let this answer happen, if it will not (a verdict's warning is printed). */
async function judgeSelection(
    rules: AnswerRules,
    session: RamSession,
    selection: SelectionInRam,
    invitation: ResourceShareInvitation | undefined,
    invitationArn: string,
    inputs: RejectionInputs,
): Promise<CheckFailure | undefined> {
    if (!invitation && selection.by === "resourceShareArn") {
        const context = await session.callContext(selection.arn);
        return {
            property: "resourceShareArn",
            reason: describeMissingShareInvitation(selection.arn.arn, context, invitationWaitSeconds(inputs)),
        };
    }
    // The verdict names the caller's account only when it fails, so STS is asked only then.
    let verdict = rules.judge(invitation, session.contextWithoutAccount(invitationArn, selection.arn.region));
    if (!verdict.ok) {
        verdict = rules.judge(invitation, await session.callContext(requireArn(invitationArn, "invitationArn")));
    }
    if (!verdict.ok) {
        return { property: selection.by, reason: verdict.reason };
    }
    if (verdict.warning) {
        warn(verdict.warning);
    }
    return undefined;
}
