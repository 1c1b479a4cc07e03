import { v5 as uuidv5 } from "uuid";

/**
 * The namespace of every acceptance's client token: another than the rejection's
 * (CLIENT_TOKEN_NAMESPACE), so an acceptance and a rejection never share a token, whatever their
 * URNs. Part of the idempotency contract: it must never change.
 */
export const ACCEPTANCE_CLIENT_TOKEN_NAMESPACE = "0505572a-da99-477c-b64d-d3dcc6eae846";

/** The namespace of the token that leaves a share on delete (see deriveLeaveClientToken). Never changes. */
export const LEAVE_CLIENT_TOKEN_NAMESPACE = "8c9db9b0-8aa9-4baf-abde-a699a39bcf66";

/**
 * The client token for accepting `invitationArn` on behalf of the resource `urn`: the same
 * resource and invitation always give the same token, so RAM deduplicates a retried or re-run
 * `create`; a replacement that points at another invitation gets a fresh one. JSON-encoded, so no
 * two pairs collide.
 */
export function deriveAcceptanceClientToken(urn: string, invitationArn: string): string {
    return uuidv5(JSON.stringify([urn, invitationArn]), ACCEPTANCE_CLIENT_TOKEN_NAMESPACE);
}

/**
 * The client token for leaving `resourceShareArn` when the acceptance is deleted: derived from the
 * acceptance's own token (itself derived from the URN and kept in state), so a delete retried
 * after a crash sends the same request, and no other state is needed.
 */
export function deriveLeaveClientToken(acceptanceClientToken: string, resourceShareArn: string): string {
    return uuidv5(JSON.stringify([acceptanceClientToken, resourceShareArn]), LEAVE_CLIENT_TOKEN_NAMESPACE);
}
