/**
 * The provider's `allowedAccountIds` guard: the account a session acts in, and the error that
 * refuses any other before a request is sent (pulumi-aws guards its accounts the same way).
 */

/** The account of an IAM role ARN (`arn:aws:iam::<account>:role/<name>`). */
export function accountOfRole(roleArn: string): string | undefined {
    return /^arn:[\w-]+:iam::(\d{12}):role\//.exec(roleArn)?.[1];
}

/** Told apart by its name, like the SDK's errors (see errors.ts). */
export const ACCOUNT_NOT_ALLOWED_ERROR = "AccountNotAllowedError";

export class AccountNotAllowedError extends Error {
    constructor(
        readonly accountId: string | undefined,
        allowed: readonly string[],
        access: { role?: { roleArn: string }; profile?: string },
    ) {
        const through = access.role
            ? `role ${access.role.roleArn}`
            : access.profile
              ? `the credentials of profile "${access.profile}"`
              : "the current credentials";
        const list = allowed.join(", ");
        super(
            accountId === undefined
                ? `the provider's allowedAccountIds (${list}) require knowing the account of ${through}, and ` +
                      `STS GetCallerIdentity could not tell it, so nothing was sent. Check the credentials, or ` +
                      `remove allowedAccountIds.`
                : `account ${accountId} (${through}) is not in the provider's allowedAccountIds (${list}), so ` +
                      `nothing was sent to it. Use credentials or a role of an allowed account, or add ` +
                      `${accountId} to allowedAccountIds if this provider may act there.`,
        );
        this.name = ACCOUNT_NOT_ALLOWED_ERROR;
    }
}
