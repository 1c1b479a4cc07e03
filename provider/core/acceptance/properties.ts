/**
 * The properties of an InvitationAcceptance as the provider sees them: the inputs after `check`,
 * and the state it records (the resource's outputs). Shared with the rejection: the selection, the
 * role, the token and the invitation's facts.
 */
import { DEFAULT_ASSOCIATION_WAIT_SECONDS } from "../../defaults";
import type { SharedResource } from "../../ram/share-finders";
import { ACCESS_FIELDS, RejectionInputs } from "../answer/properties";
import { ACCEPTANCE_INPUTS, ACCEPTANCE_OUTPUTS } from "../../schema/answer-properties";
import type { ObjectOf } from "../../schema/property-types";

/** The inputs the provider receives, after `check`: a rejection's, and the acceptance's own (its table). */
export interface AcceptanceInputs extends RejectionInputs, ObjectOf<typeof ACCEPTANCE_INPUTS> {
    /** Found by `check` for a pending invitation: what will become visible, for the reviewer. */
    sharedResources?: SharedResource[];
}

/** What the provider records in Pulumi state for one acceptance: the outputs of the resource. */
export type AcceptanceState = ObjectOf<typeof ACCEPTANCE_OUTPUTS>;

/** What can change without a new acceptance: how the account is reached, and what delete and create wait for. */
export const ACCEPTANCE_UPDATABLE_FIELDS = [...ACCESS_FIELDS, "leaveShareOnDelete", "associationWaitSeconds"] as const;

/** How long to wait for the association, for these inputs. */
export function associationWaitSeconds(inputs: { associationWaitSeconds?: number }): number {
    return inputs.associationWaitSeconds ?? DEFAULT_ASSOCIATION_WAIT_SECONDS;
}
