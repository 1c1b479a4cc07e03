// The receiving account: declines the invitation the sender's share produced. Run it with the
// receiver's credentials (the stack's aws:profile, AWS_PROFILE, or any source of the AWS chain).
import * as pulumi from "@pulumi/pulumi";
// In your own project: import { InvitationRejection } from "pulumi-ram-invitations";
import { InvitationRejection } from "../../../provider";

const config = new pulumi.Config();
// The sender's stack publishes the share's ARN; the invitation is found from it, waiting a while
// if RAM does not show it yet. (With the ARN of the invitation, pass invitationArn instead.)
const sender = new pulumi.StackReference(config.require("senderStack"));

const rejection = new InvitationRejection("decline-office-ranges", {
    resourceShareArn: sender.requireOutput("resourceShareArn") as pulumi.Output<string>,
});

export const invitationArn = rejection.invitationArn;
export const status = rejection.status;
export const sharedBy = rejection.senderAccountId;
