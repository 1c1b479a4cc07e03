import { v5 as uuidv5 } from "uuid";

/**
 * The namespace under which every client token of this library is derived. It is part of the
 * idempotency contract: changing it would give every existing rejection a new token on its next
 * replacement, so it must never change.
 */
export const CLIENT_TOKEN_NAMESPACE = "a2008197-44a0-4291-a80a-622f513d132d";

/**
 * Derives the client token for rejecting `invitationArn` on behalf of the resource `urn`.
 *
 * The same resource and invitation always give the same token, so a retried or re-run `create`
 * is deduplicated by RAM. The invitation ARN is part of the name because RAM refuses a reused
 * token with other parameters (IdempotentParameterMismatchException): a resource that is
 * replaced to point at another invitation must get a fresh token. The two values are encoded
 * as a JSON array so no choice of separator can make two different pairs collide.
 */
export function deriveClientToken(urn: string, invitationArn: string): string {
    return uuidv5(JSON.stringify([urn, invitationArn]), CLIENT_TOKEN_NAMESPACE);
}
