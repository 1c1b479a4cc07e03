import * as pulumi from "@pulumi/pulumi";
import * as ramInvitations from "@pulumi-ram-invitations/sdk";

const config = new pulumi.Config();

const rejection = new ramInvitations.InvitationRejection("unwanted-share", {
    invitationArn: config.require("invitationArn"),
});

export const senderAccountId = rejection.senderAccountId;
export const resourceShareName = rejection.resourceShareName;
export const status = rejection.status;
