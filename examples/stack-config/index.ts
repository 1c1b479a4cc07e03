// The root program of this repository (see ../../Pulumi.yaml): every rejection is declared in
// stack config, so a pull request that edits Pulumi.<stack>.yaml is reviewed with
// `pulumi preview` and applied with `pulumi up`. In your own project, import from
// "pulumi-ram-invitations" instead of "../../provider".
import { declareRejectionsFromConfig } from "../../provider";

/** Per rejection: the share it was for, who sent it, and the status RAM reports. */
export const invitations = declareRejectionsFromConfig().then((rejections) =>
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
