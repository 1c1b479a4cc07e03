"""Rejects every invitation listed in the stack config, one resource each, through the ram-invitations plugin."""

import pulumi
import pulumi_ram_invitations as ram_invitations

config = pulumi.Config()

statuses = {}
for invitation_arn in config.require_object("invitationArns"):
    # Named after the invitation's id, never its position in the list, so that adding or removing
    # an entry never renames (and so never replaces) the other rejections.
    name = "declined-" + invitation_arn.rsplit("/", 1)[-1]
    rejection = ram_invitations.InvitationRejection(name, invitation_arn=invitation_arn)
    statuses[name] = rejection.status

pulumi.export("statuses", statuses)
