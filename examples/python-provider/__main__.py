"""Rejects the invitation named in the stack config, as the account of the configured AWS profile."""

import pulumi
import pulumi_ram_invitations as ram_invitations

config = pulumi.Config()

# Every resource given this provider signs its calls with the profile's credentials.
receiving_account = ram_invitations.Provider(
    "receiving-account",
    profile=config.require("profile"),
)

rejection = ram_invitations.InvitationRejection(
    "unwanted-share",
    invitation_arn=config.require("invitationArn"),
    opts=pulumi.ResourceOptions(provider=receiving_account),
)

pulumi.export("receiverAccountId", rejection.receiver_account_id)
pulumi.export("senderAccountId", rejection.sender_account_id)
pulumi.export("status", rejection.status)
