/**
 * The provider's `allowedAccountIds` guard: the error that refuses an account the list leaves out
 * before a request is sent (pulumi-aws guards its accounts the same way).
 */

/** Told apart by its name, like the SDK's errors (see errors.ts). */
export const ACCOUNT_NOT_ALLOWED_ERROR = "AccountNotAllowedError" as const;

/** The refusal of an account the provider's allowedAccountIds leave out; nothing was sent to it. */
export interface AccountNotAllowedError extends Error {
    readonly name: typeof ACCOUNT_NOT_ALLOWED_ERROR;
    /** The account refused; undefined when STS could not tell the account of the credentials. */
    readonly accountId: string | undefined;
}

/**
 * The refusal of `accountId`, reached through `access`. An Error with fields rather than a subclass,
 * as ram-call-error.ts explains: a subclass of Error rebuilt by Pulumi's closure serializer is no
 * Error, and its message is lost.
 */
export function accountNotAllowedError(
    accountId: string | undefined,
    allowed: readonly string[],
    access: { role?: { roleArn: string }; profile?: string },
): AccountNotAllowedError {
    const through = access.role
        ? `role ${access.role.roleArn}`
        : access.profile
          ? `the credentials of profile "${access.profile}"`
          : "the current credentials";
    const list = allowed.join(", ");
    const message =
        accountId === undefined
            ? `the provider's allowedAccountIds (${list}) require knowing the account of ${through}, and ` +
              `STS GetCallerIdentity could not tell it, so nothing was sent. Check the credentials, or ` +
              `remove allowedAccountIds.`
            : `account ${accountId} (${through}) is not in the provider's allowedAccountIds (${list}), so ` +
              `nothing was sent to it. Use credentials or a role of an allowed account, or add ` +
              `${accountId} to allowedAccountIds if this provider may act there.`;
    return Object.assign(new Error(message), { name: ACCOUNT_NOT_ALLOWED_ERROR, accountId });
}
