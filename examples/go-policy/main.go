// Keeps one account's RAM invitations to the ACTIVE accounts of the parts of the AWS Organization
// named in the stack config, through the ram-invitations plugin: every other sender's pending
// invitation is rejected, in each region.
package main

import (
	raminvitations "github.com/pulumi-ram-invitations/pulumi-ram-invitations/sdk/go/ram-invitations"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		// OUs (ou-...), the root (r-...) or the organization (o-...).
		var targets, regions []string
		cfg.RequireObject("allowedOrganizationTargets", &targets)
		cfg.RequireObject("regions", &regions)
		policy, err := raminvitations.NewInvitationPolicy(ctx, "organization-only", &raminvitations.InvitationPolicyArgs{
			AllowedOrganizationTargets: pulumi.ToStringArray(targets),
			Regions:                    pulumi.ToStringArray(regions),
		})
		if err != nil {
			return err
		}
		ctx.Export("summary", policy.Summary)
		return nil
	})
}
