"""Rejects the invitation named in the stack config, through the ram-invitations plugin."""

import pulumi
import pulumi_ram_invitations as ram_invitations

config = pulumi.Config()

rejection = ram_invitations.InvitationRejection(
    "unwanted-share",
    invitation_arn=config.require("invitationArn"),
)

pulumi.export("senderAccountId", rejection.sender_account_id)
pulumi.export("resourceShareName", rejection.resource_share_name)
pulumi.export("status", rejection.status)
