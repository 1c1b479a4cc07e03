// The receiving account: declines the invitation the sender's share produced. Run it with the
// receiver's credentials (the stack's aws:profile, AWS_PROFILE, or any source of the AWS chain).
import * as pulumi from "@pulumi/pulumi";
// In your own project: import { InvitationRejection } from "pulumi-ram-invitations";
import { InvitationRejection } from "../../../provider";

const config = new pulumi.Config();

const rejection = new InvitationRejection("decline-office-ranges", {
    invitationArn: config.require("invitationArn"),
});

export const status = rejection.status;
export const sharedBy = rejection.senderAccountId;
