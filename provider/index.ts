export { InvitationRejection, INVITATION_REJECTION_TYPE_TOKEN } from "./invitation-rejection";
export type { InvitationRejectionArgs } from "./invitation-rejection";
export { RejectionProvider } from "./rejection-provider";
export type { RejectionInputs } from "./rejection-provider";
export type { RejectionState } from "./rejection-state";
export { deriveClientToken, CLIENT_TOKEN_NAMESPACE } from "./client-token";
export { parseRamArn } from "./arn";
export type { RamArn, ParsedArn } from "./arn";
