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
    # Optional, with the targets: a role to read the organization through (in its management account or
    # a delegated administrator; default: the provider's credentials), and the external id its trust
    # requires, set with `pulumi config set --secret organizationExternalId ...`.
    organization_role_arn=config.get("organizationRoleArn"),
    organization_external_id=config.get_secret("organizationExternalId"),
    regions=config.require_object("regions"),
    max_rejections_per_run=config.get_int("maxRejectionsPerRun") or 10,
    mode=config.get("mode") or "enforce",
    allowed=config.get("allowed") or "leave",
    max_acceptances_per_run=config.get_int("maxAcceptancesPerRun") or 10,
)

pulumi.export("summary", policy.summary)
