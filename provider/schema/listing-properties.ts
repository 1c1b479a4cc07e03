/** The properties of the getInvitations function: its arguments, and the invitations it lists. */
import { INVITATION_FACTS, ROLE_INPUTS } from "./answer-properties";
import type { ObjectType, PropertyTable } from "./property-types";
import { PACKAGE_NAME } from "./tokens";

export const GET_INVITATIONS_INPUTS = {
    region: { type: "string", description: 'The region to list, e.g. "us-east-1". Default: the provider\'s `region`.' },
    statuses: {
        type: "array",
        items: { type: "string" },
        description:
            "Only invitations with one of these statuses (PENDING, ACCEPTED, REJECTED, EXPIRED). Default: all.",
    },
    senderAccountIds: {
        type: "array",
        items: { type: "string" },
        description: "Only invitations from these accounts (12-digit ids). Default: from any account.",
    },
    profile: { type: "string", description: "The AWS profile to use. Default: the SDK's chain (AWS_PROFILE, ...)." },
    ...ROLE_INPUTS,
} as const satisfies PropertyTable;

export const INVITATION_TYPE = {
    token: `${PACKAGE_NAME}:index:Invitation`,
    description: "An invitation as RAM shows it to the calling account.",
    properties: {
        ...INVITATION_FACTS,
        region: { type: "string", required: true, description: "The region the invitation (and its share) lives in." },
    },
} as const satisfies ObjectType;

export const GET_INVITATIONS_OUTPUTS = {
    invitations: {
        type: "array",
        items: { type: "ref", to: INVITATION_TYPE },
        required: true,
        description: "The invitations, oldest first.",
    },
} as const satisfies PropertyTable;
