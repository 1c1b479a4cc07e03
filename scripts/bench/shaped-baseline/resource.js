// The shaped baseline's resource class (see ../shaped-baseline-program.ts). Installed, like the
// library, at node_modules/ram-invitations-shaped/provider/dynamic/invitation-rejection.js beside
// its provider at .../bin/provider/serializable-provider.js: paths of the library's lengths, so that
// the source positions Pulumi records and the provider's `require` take the bytes of state the
// library's take. Its type token, ram:ShapedRejectionBase, is as long as ram:InvitationRejection.
"use strict";
const pulumi = require("@pulumi/pulumi");
const provider = require("../../bin/provider/serializable-provider.js");

class ShapedRejection extends pulumi.dynamic.Resource {
    constructor(name, index, invitationArn) {
        // The rejection's inputs: the ARN, a token of a token's length, the internal preview flag,
        // and the outputs the class declares (undefined inputs, as the library registers them).
        const props = {
            invitationArn,
            resourceShareArn: undefined,
            clientToken: `00000000-0000-5000-8000-${String(index).padStart(12, "0")}`,
            __preview: pulumi.runtime.isDryRun(),
            resourceShareName: undefined,
            senderAccountId: undefined,
            receiverAccountId: undefined,
            status: undefined,
            invitationTimestamp: undefined,
            rejectedAt: undefined,
        };
        super(provider, name, props, undefined, "ram", "ShapedRejectionBase");
    }
}

exports.ShapedRejection = ShapedRejection;
