/**
 * The properties of the InvitationPolicy component: its arguments, its enums and its `summary`
 * output. The arguments' offline check (../policy/policy-args.ts) takes its known keys from here,
 * in this order (its problems list them).
 */
import { ROLE_INPUTS } from "./answer-properties";
import type { EnumType, ObjectType, PropertyTable } from "./property-types";
import { PACKAGE_NAME } from "./tokens";

export const POLICY_MODE_TYPE = {
    token: `${PACKAGE_NAME}:index:PolicyMode`,
    description: "What a policy does with the invitations it does not allow.",
    values: [
        { value: "enforce", description: "Reject them." },
        { value: "report", description: "Only report what would be rejected." },
    ],
} as const satisfies EnumType;

export const POLICY_ALLOWED_TYPE = {
    token: `${PACKAGE_NAME}:index:PolicyAllowed`,
    description: "What a policy does with the pending invitations it allows.",
    values: [
        { value: "leave", description: "Leave them pending." },
        { value: "accept", description: "Accept them." },
    ],
} as const satisfies EnumType;

/** The settings that name the role to read AWS Organizations through. */
export const ORGANIZATION_ROLE_INPUTS = {
    organizationRoleArn: {
        type: "string",
        description:
            "With `allowedOrganizationTargets`: a role to read AWS Organizations through, in the management " +
            "account or a delegated administrator. Default: the provider's credentials (not the policy's `roleArn`).",
    },
    organizationExternalId: {
        type: "string",
        secret: true,
        description: "With `organizationRoleArn`: the external id its trust policy requires. Kept secret.",
    },
    organizationRoleSessionName: {
        type: "string",
        description: "With `organizationRoleArn`: the session name. Default `pulumi-<project>-<stack>`.",
    },
} as const satisfies PropertyTable;

/**
 * No argument is required by the schema: allowedSenderAccountIds or allowedOrganizationTargets is,
 * one of the two, which the policy's own check says (a schema cannot); regions defaults to the
 * provider's region.
 */
export const POLICY_INPUTS = {
    allowedSenderAccountIds: {
        type: "array",
        items: { type: "string" },
        description:
            "The accounts (12-digit ids) whose invitations are left alone (or accepted, with `allowed: accept`). " +
            "Every pending invitation from any other account is rejected. Required unless " +
            "`allowedOrganizationTargets` is given; with it, these are allowed too.",
    },
    regions: {
        type: "array",
        items: { type: "string" },
        description:
            'The regions to enforce the policy in, e.g. ["us-east-1", "eu-west-1"]. Default: the provider\'s `region`.',
    },
    allowedResourceShareNames: {
        type: "array",
        items: { type: "string" },
        description:
            "When given, an allowed sender's invitation is left alone only if its share has one of these names; the " +
            "sender's other invitations are rejected too.",
    },
    maxRejectionsPerRun: {
        type: "integer",
        description:
            "The most pending invitations one run may reject (default 10). A run that would reject more fails, in " +
            "preview and in the update, before any rejection.",
    },
    mode: {
        type: "ref",
        to: POLICY_MODE_TYPE,
        description:
            "`enforce` (the default) rejects; `report` declares no new rejection and only reports (it keeps its " +
            "earlier rejections declared).",
    },
    allowed: {
        type: "ref",
        to: POLICY_ALLOWED_TYPE,
        description:
            "What to do with the pending invitations the policy allows: `leave` (the default) leaves them pending; " +
            "`accept` declares one InvitationAcceptance per allowed pending invitation.",
    },
    maxAcceptancesPerRun: {
        type: "integer",
        description:
            'With `allowed: "accept"`: the most pending invitations one run may accept (default 10). A run that ' +
            "would accept more fails, in preview and in the update, before any acceptance or rejection.",
    },
    roleArn: {
        type: "string",
        description:
            "A role in the receiving account to assume: the policy lists, and its rejections reject, as the role's " +
            "account.",
    },
    externalId: ROLE_INPUTS.externalId,
    roleSessionName: ROLE_INPUTS.roleSessionName,
    allowedOrganizationTargets: {
        type: "array",
        items: { type: "string" },
        description:
            "Parts of the AWS Organization whose ACTIVE accounts are allowed senders, read from AWS Organizations " +
            "on every run (an account that joins is allowed on the next run): the organization (`o-...`, the " +
            "reader's own), its root (`r-...`) or an OU (`ou-...`, with its nested OUs). A suspended account counts " +
            "as an outsider. When the organization cannot be read, the policy refuses before any write.",
    },
    ...ORGANIZATION_ROLE_INPUTS,
} as const satisfies PropertyTable;

export const POLICY_COUNTS_TYPE = {
    token: `${PACKAGE_NAME}:index:PolicyCounts`,
    description: "How many invitations a policy saw, by what it did with them.",
    properties: {
        pendingAllowed: {
            type: "integer",
            required: true,
            description: "Pending invitations the policy allows (left pending).",
        },
        rejectedNow: {
            type: "integer",
            required: true,
            description:
                "Pending invitations this run rejects (enforce mode); 0 when the run was refused or held back.",
        },
        wouldReject: {
            type: "integer",
            required: true,
            description:
                "Pending invitations this run would reject but does not: in report mode, or when the run was " +
                "refused (`refused`) or held back by another policy of the stack.",
        },
        rejectedEarlier: {
            type: "integer",
            required: true,
            description: "Rejected invitations the policy keeps declared (rejected by an earlier run, or out of band).",
        },
        acceptedNow: {
            type: "integer",
            required: true,
            description:
                'Pending invitations this run accepts (`allowed: "accept"`); 0 when the run was refused or held back.',
        },
        wouldAccept: {
            type: "integer",
            required: true,
            description:
                'Pending invitations this run would accept but does not (`allowed: "accept"`): in report mode, or ' +
                "when the run was refused or held back by another policy of the stack.",
        },
        acceptedEarlier: {
            type: "integer",
            required: true,
            description: 'Accepted invitations the policy keeps declared (`allowed: "accept"`).',
        },
    },
} as const satisfies ObjectType;

export const POLICY_SUMMARY_TYPE = {
    token: `${PACKAGE_NAME}:index:PolicySummary`,
    description: "What a policy saw and did in this run.",
    properties: {
        ...POLICY_COUNTS_TYPE.properties,
        mode: { type: "ref", to: POLICY_MODE_TYPE, required: true, description: "The policy's mode." },
        regions: { type: "array", items: { type: "string" }, required: true, description: "The regions it listed." },
        bySender: {
            type: "map",
            values: { type: "ref", to: POLICY_COUNTS_TYPE },
            required: true,
            description: "The same counts per sender account id.",
        },
        organizationTargets: {
            type: "map",
            values: { type: "integer" },
            description:
                "With `allowedOrganizationTargets`: how many ACTIVE accounts each target resolved to in this run. " +
                "Absent when the policy names none, or refused.",
        },
        allowedBy: {
            type: "map",
            values: { type: "string" },
            description:
                "With `allowedOrganizationTargets`: for each sender whose invitations the policy allowed (left " +
                "pending or accepted), the allowed sender it matched: its account id, or the target.",
        },
        refused: {
            type: "boolean",
            description:
                "True when the run did not go ahead: the policy refused (its guard, or RAM could not be listed), or " +
                "another policy of the stack held it back. It rejected and accepted nothing, and what it would have " +
                "done is in `wouldReject` and `wouldAccept`. Absent when it ran.",
        },
    },
} as const satisfies ObjectType;

export const POLICY_OUTPUTS = {
    summary: {
        type: "ref",
        to: POLICY_SUMMARY_TYPE,
        required: true,
        description: "What the policy saw and did in this run: counts in all and per sender.",
    },
} as const satisfies PropertyTable;
