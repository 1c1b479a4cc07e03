// The owning ("sender") account: shares a managed prefix list with one other account.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const config = new pulumi.Config();
const receiverAccountId = config.require("receiverAccountId");

const prefixList = new aws.ec2.ManagedPrefixList("office-ranges", {
    addressFamily: "IPv4",
    maxEntries: 5,
    entries: [{ cidr: "192.0.2.0/24", description: "documentation range" }],
});

const share = new aws.ram.ResourceShare("office-ranges", {
    name: "office-ranges",
    // The receiver is outside our AWS Organization, so it gets an invitation to accept or reject.
    allowExternalPrincipals: true,
});

new aws.ram.ResourceAssociation("office-ranges", {
    resourceShareArn: share.arn,
    resourceArn: prefixList.arn,
});

new aws.ram.PrincipalAssociation("receiver", {
    resourceShareArn: share.arn,
    principal: receiverAccountId,
});

export const resourceShareArn = share.arn;
