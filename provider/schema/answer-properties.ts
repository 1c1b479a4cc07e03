/**
 * The properties of the two answers to an invitation, InvitationRejection and InvitationAcceptance:
 * their inputs, the state each records (its outputs), and what both share (the role, the
 * invitation's facts). The one source of these properties for the schema and for TypeScript.
 */
import type { ObjectType, PropertyTable } from "./property-types";
import { PACKAGE_NAME } from "./tokens";

/** How to reach the receiving account: a role to assume, for an answer, a listing or a policy. */
export const ROLE_INPUTS = {
    roleArn: {
        type: "string",
        description:
            "An IAM role in the receiving account, e.g. `arn:aws:iam::222222222222:role/ram-invitations`: the " +
            "provider assumes it (STS AssumeRole from the standard credential chain) and acts as the role's account. " +
            "Changing it (or the session name) to reach the same account changes no rejection and makes no RAM call.",
    },
    externalId: {
        type: "string",
        secret: true,
        description: "With `roleArn`: the external id the role's trust policy requires. Kept secret in state.",
    },
    roleSessionName: {
        type: "string",
        description:
            "With `roleArn`: the role session's name, seen in the role account's CloudTrail. " +
            "Default `pulumi-<project>-<stack>`.",
    },
} as const satisfies PropertyTable;

const INVITATION_WAIT_SECONDS = {
    type: "number",
    description:
        "With `resourceShareArn`: how long to wait, in seconds, for the share's invitation to become visible " +
        "(RAM is eventually consistent). Default 60.",
} as const;

export const REJECTION_INPUTS = {
    invitationArn: {
        type: "string",
        description:
            "ARN of the resource-share invitation to reject, as the receiving account sees it, e.g. " +
            "`arn:aws:ram:us-east-1:111122223333:resource-share-invitation/7ab63972-...`. The call is made in the " +
            "ARN's region. Give this or `resourceShareArn`. Changing it replaces the resource (the old invitation " +
            "stays rejected).",
    },
    resourceShareArn: {
        type: "string",
        description:
            "ARN of the resource share whose invitation to the calling account to reject. The invitation is found " +
            "in preview and when the resource is created; if RAM does not show it yet, it is asked again for up to " +
            "`invitationWaitSeconds`. Give this or `invitationArn`. Changing it replaces the resource.",
    },
    invitationWaitSeconds: INVITATION_WAIT_SECONDS,
    ...ROLE_INPUTS,
} as const satisfies PropertyTable;

/** What RAM says about an invitation: outputs of an answer, and the fields of a listed invitation. */
export const INVITATION_FACTS = {
    invitationArn: {
        type: "string",
        required: true,
        description: "ARN of the invitation.",
    },
    resourceShareArn: {
        type: "string",
        required: true,
        description: "ARN of the resource share the invitation is for.",
    },
    resourceShareName: {
        type: "string",
        required: true,
        description: "Name of the resource share the invitation is for.",
    },
    senderAccountId: {
        type: "string",
        required: true,
        description: "Account id of the account that sent the invitation.",
    },
    receiverAccountId: {
        type: "string",
        required: true,
        description: "Account id of the account the invitation was sent to.",
    },
    status: {
        type: "string",
        required: true,
        description: "The invitation's status as RAM last reported it: PENDING, ACCEPTED, REJECTED or EXPIRED.",
    },
    invitationTimestamp: {
        type: "string",
        required: true,
        description: "When the sender created the invitation (ISO 8601).",
    },
} as const satisfies PropertyTable;

/**
 * What a rejection found and did: the outputs it always has. REJECTION_OUTPUTS adds the inputs it keeps
 * in state, which are outputs only when given (Pulumi makes each key an output of its own, a cost per
 * resource), so the dynamic class declares these only.
 */
export const REJECTION_RESULTS = {
    ...INVITATION_FACTS,
    invitationArn: {
        ...INVITATION_FACTS.invitationArn,
        description: "ARN of the rejected invitation. Also the resource's id.",
    },
    receiverAccountId: {
        ...INVITATION_FACTS.receiverAccountId,
        description: "Account id of the account the invitation was sent to: the account that rejected it.",
    },
    status: {
        ...INVITATION_FACTS.status,
        description: "The invitation's status as RAM last reported it: REJECTED, or EXPIRED if it expired first.",
    },
    clientToken: {
        type: "string",
        required: true,
        description:
            "The client token sent with the rejection: derived from the resource's URN and the invitation (or " +
            "share) ARN, and kept in state, so a rerun, or a rerun after a crash, never rejects twice.",
    },
    rejectedAt: {
        type: "string",
        description:
            "When this resource saw the rejection take effect (ISO 8601); absent if the invitation had expired.",
    },
} as const satisfies PropertyTable;

export const REJECTION_OUTPUTS = { ...REJECTION_RESULTS, ...ROLE_INPUTS } as const satisfies PropertyTable;

const ACCEPTANCE_CHOICES = {
    leaveShareOnDelete: {
        type: "boolean",
        description:
            "When true, deleting the resource leaves the share (DisassociateResourceShare with the account itself " +
            "as principal). Default false: delete only removes the acceptance from the stack, because other stacks " +
            "may depend on what the share makes visible, and leaving cannot be undone by the receiver.",
    },
    associationWaitSeconds: {
        type: "number",
        description:
            "How long, in seconds, to wait after accepting for the share's association with the account to become " +
            "ASSOCIATED (RAM shows the share as shared only then). Default 120.",
    },
} as const satisfies PropertyTable;

export const ACCEPTANCE_INPUTS = {
    invitationArn: {
        type: "string",
        description:
            "ARN of the resource-share invitation to accept, as the receiving account sees it. The call is made in " +
            "the ARN's region. Give this or `resourceShareArn`. Changing it replaces the resource.",
    },
    resourceShareArn: {
        type: "string",
        description:
            "ARN of the resource share whose invitation to the calling account to accept. The invitation is found " +
            "in preview and when the resource is created; if RAM does not show it yet, it is asked again for up to " +
            "`invitationWaitSeconds`. Give this or `invitationArn`. Changing it replaces the resource.",
    },
    invitationWaitSeconds: INVITATION_WAIT_SECONDS,
    ...ACCEPTANCE_CHOICES,
    ...ROLE_INPUTS,
} as const satisfies PropertyTable;

export const SHARED_RESOURCE_TYPE = {
    token: `${PACKAGE_NAME}:index:SharedResource`,
    description: "A resource a share makes visible to the account.",
    properties: {
        arn: { type: "string", required: true, description: "The resource's ARN." },
        type: { type: "string", required: true, description: "RAM's type of the resource, e.g. `ec2:Subnet`." },
    },
} as const satisfies ObjectType;

/** What an acceptance found and did: the outputs it always has (see REJECTION_RESULTS). */
export const ACCEPTANCE_RESULTS = {
    ...INVITATION_FACTS,
    invitationArn: {
        ...INVITATION_FACTS.invitationArn,
        description: "ARN of the accepted invitation. Also the resource's id.",
    },
    receiverAccountId: {
        ...INVITATION_FACTS.receiverAccountId,
        description: "Account id of the account the invitation was sent to: the account that accepted it.",
    },
    status: { ...INVITATION_FACTS.status, description: "The invitation's status as RAM last reported it: ACCEPTED." },
    clientToken: {
        type: "string",
        required: true,
        description:
            "The client token sent with the acceptance: derived from the resource's URN and the invitation (or " +
            "share) ARN in a namespace of its own (never a rejection's token), and kept in state, so a rerun, or a " +
            "rerun after a crash, never accepts twice.",
    },
    acceptedAt: {
        type: "string",
        description: "When this resource saw the acceptance take effect (ISO 8601); absent for an imported one.",
    },
    shareStatus: {
        type: "string",
        required: true,
        description: "The share's status as last read: ACTIVE, or DELETED once its owner deleted it.",
    },
    associationStatus: {
        type: "string",
        required: true,
        description:
            "ASSOCIATED while the share is shared with the account; DISASSOCIATED once the account left it or its " +
            "owner deleted it or removed the account.",
    },
    sharedResources: {
        type: "array",
        items: { type: "ref", to: SHARED_RESOURCE_TYPE },
        required: true,
        description: "The resources the share makes visible to the account (ListResources), as last read.",
    },
} as const satisfies PropertyTable;

export const ACCEPTANCE_OUTPUTS = {
    ...ACCEPTANCE_RESULTS,
    ...ACCEPTANCE_CHOICES,
    ...ROLE_INPUTS,
} as const satisfies PropertyTable;
