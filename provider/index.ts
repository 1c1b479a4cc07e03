/**
 * The package's public API: what a Pulumi program needs. Everything else under provider/ is
 * internal (tests import it by file path) and may change in any release; a unit test
 * (test/unit/public-api.test.ts) holds this list to what is meant.
 */
export { InvitationRejection, INVITATION_REJECTION_TYPE_TOKEN } from "./dynamic/invitation-rejection";
export type { InvitationRejectionArgs } from "./dynamic/invitation-rejection";
export { deriveClientToken, CLIENT_TOKEN_NAMESPACE } from "./core/rejection/client-token";
export { InvitationAcceptance, INVITATION_ACCEPTANCE_TYPE_TOKEN } from "./dynamic/invitation-acceptance";
export type { InvitationAcceptanceArgs } from "./dynamic/invitation-acceptance";
export {
    deriveAcceptanceClientToken,
    ACCEPTANCE_CLIENT_TOKEN_NAMESPACE,
    LEAVE_CLIENT_TOKEN_NAMESPACE,
} from "./core/acceptance/client-token";
export type { SharedResource } from "./ram/share-finders";
export { parseRamArn } from "./inputs/arn";
export type { RamArn, ParsedArn } from "./inputs/arn";
export { declareRejectionsFromConfig } from "./config/declare-rejections";
export { parseRejectionsConfig, REJECTIONS_CONFIG_KEY } from "./config/rejections-config";
export type { RejectionEntry } from "./config/rejections-config";
export { getInvitations } from "./dynamic/get-invitations";
export type { GetInvitationsArgs } from "./inputs/listing-args";
export type { Invitation } from "./core/listing";
export { InvitationPolicy, INVITATION_POLICY_TYPE } from "./dynamic/invitation-policy";
export type { InvitationPolicyOptions, PolicyOutcome } from "./policy/policy-component";
export type { InvitationPolicyArgs, PolicyMode } from "./policy/policy-args";
export type { PolicyCounts, PolicySummary } from "./policy/plan";
export { declareFromStackConfig, POLICY_CONFIG_KEY } from "./config/declare-from-stack-config";
export type { DeclaredFromConfig } from "./config/declare-from-stack-config";
export { DEFAULT_MAX_REJECTIONS_PER_RUN } from "./defaults";
