/**
 * The package's public API: what a Pulumi program needs. Everything else under provider/ is
 * internal (tests import it by file path) and may change in any release; a unit test
 * (test/unit/public-api.test.ts) holds this list to what is meant.
 */
export { InvitationRejection, INVITATION_REJECTION_TYPE_TOKEN } from "./rejection/invitation-rejection";
export type { InvitationRejectionArgs } from "./rejection/invitation-rejection";
export { deriveClientToken, CLIENT_TOKEN_NAMESPACE } from "./rejection/client-token";
export { parseRamArn } from "./ram/arn";
export type { RamArn, ParsedArn } from "./ram/arn";
export { declareRejectionsFromConfig } from "./config/declare-rejections";
export { parseRejectionsConfig, REJECTIONS_CONFIG_KEY } from "./config/rejections-config";
export type { RejectionEntry } from "./config/rejections-config";
