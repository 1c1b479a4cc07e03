/**
 * The one error of a failed call to RAM, for every resource and operation: it names what the call
 * was for, the invitation (or share), the region and the account, keeps RAM's (or the SDK's) error
 * as its cause, and says in its message what happened and what to do (messages.ts's words).
 */
import type { RamArn } from "../inputs/arn";
import { CallContext, describeRamError, RamOperation } from "./messages";
import type { RamSession } from "./ram-session";

export interface RamCallError extends Error {
    readonly name: "RamCallError";
    /** What the call was for. */
    readonly operation: RamOperation;
    /** The invitation the call was about (the share, when leaving it); empty for a listing. */
    readonly invitationArn: string;
    readonly region: string;
    /** The account of the credentials in use, when it could be found out. */
    readonly accountId: string | undefined;
    /** RAM's error, or the SDK's (no credentials, a connection that failed), as it was thrown. */
    readonly cause: unknown;
}

/**
 * The error of a call made for `operation` where `context` says, that failed with `cause`. An Error
 * with fields rather than a subclass: a program that imports the library by path has Pulumi rebuild
 * the provider's classes from their text, and a subclass of Error rebuilt so is no Error.
 */
export function ramCallError(operation: RamOperation, context: CallContext, cause: unknown): RamCallError {
    return Object.assign(new Error(describeRamError(cause, context, operation), { cause }), {
        name: "RamCallError" as const,
        operation,
        invitationArn: context.invitationArn,
        region: context.region,
        accountId: context.accountId,
        cause,
    });
}

/** What a call is about: an invitation or a share (its ARN), or, for a listing, a region. */
export type CallSubject = RamArn | { region: string };

/** Runs `call`; its failure becomes a {@link RamCallError} naming `operation`, `subject` and the account. */
export async function callRam<T>(
    session: RamSession,
    operation: RamOperation,
    subject: CallSubject,
    call: () => Promise<T>,
): Promise<T> {
    try {
        return await call();
    } catch (error) {
        throw await failedCall(session, operation, subject, error);
    }
}

/** The {@link RamCallError} of a call about `subject`, with the account of `session`'s credentials (asked of STS). */
export async function failedCall(
    session: RamSession,
    operation: RamOperation,
    subject: CallSubject,
    cause: unknown,
): Promise<RamCallError> {
    const context = "arn" in subject ? await session.callContext(subject) : await session.regionContext(subject.region);
    return ramCallError(operation, context, cause);
}
