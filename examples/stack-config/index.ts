// The root program of this repository (see ../../Pulumi.yaml): everything is declared in stack
// config, so a pull request that edits Pulumi.<stack>.yaml is reviewed with `pulumi preview` and
// applied with `pulumi up`: a rejection policy (`ram-invitations:policy`), explicit rejections
// (`ram-invitations:rejections`), and a fleet of accounts reached through roles
// (`ram-invitations:accounts`), in any combination. It imports the library by its package name, as
// your own project would: in this repository, `npm ci` installs the checkout's build under
// node_modules (scripts/install-checkout.ts), so Pulumi stores the provider in state as a one-line
// `require`, as it does for the installed package, instead of by value in every resource.
import { declareFromStackConfig } from "pulumi-ram-invitations";

const declared = declareFromStackConfig();

/** Per explicit rejection: the share it was for, who sent it, and the status RAM reports. */
export const invitations = declared.rejections.then((rejections) =>
    Object.fromEntries(
        Object.entries(rejections).map(([name, rejection]) => [
            name,
            {
                invitationArn: rejection.invitationArn,
                resourceShareName: rejection.resourceShareName,
                senderAccountId: rejection.senderAccountId,
                status: rejection.status,
            },
        ]),
    ),
);

/** What the policy saw and did in this run (pending allowed, rejected now and earlier, per sender). */
export const policy = declared.policySummary;

/** The same for each fleet account's policy (`ram-invitations:accounts`), by account name. */
export const accounts = declared.accountPolicySummaries;
