"""Keeps one account's RAM invitations to the senders its stack config allows."""

import pulumi
import pulumi_ram_invitations as ram_invitations

config = pulumi.Config()

policy = ram_invitations.InvitationPolicy(
    "allowed-senders-only",
    role_arn=config.require("roleArn"),
    allowed_sender_account_ids=config.require_object("allowedSenderAccountIds"),
    # Optional: OUs (or the root, r-..., or the organization, o-...) whose ACTIVE accounts are allowed too.
    allowed_organization_targets=config.get_object("allowedOrganizationTargets"),
    regions=config.require_object("regions"),
    max_rejections_per_run=config.get_int("maxRejectionsPerRun") or 10,
    mode=config.get("mode") or "enforce",
    allowed=config.get("allowed") or "leave",
    max_acceptances_per_run=config.get_int("maxAcceptancesPerRun") or 10,
)

pulumi.export("summary", policy.summary)
