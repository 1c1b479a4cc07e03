import * as pulumi from "@pulumi/pulumi";
import { InvitationAcceptance } from "pulumi-ram-invitations";

const config = new pulumi.Config();

const acceptance = new InvitationAcceptance("partner-network", {
    invitationArn: config.require("invitationArn"),
    leaveShareOnDelete: config.getBoolean("leaveShareOnDelete") ?? false,
});

export const senderAccountId = acceptance.senderAccountId;
export const resourceShareName = acceptance.resourceShareName;
export const status = acceptance.status;
export const associationStatus = acceptance.associationStatus;
export const sharedResources = acceptance.sharedResources;
