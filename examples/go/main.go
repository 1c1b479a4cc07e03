// Rejects the invitation named in the stack config, through the ram-invitations plugin.
package main

import (
	raminvitations "github.com/pulumi-ram-invitations/pulumi-ram-invitations/sdk/go/ram-invitations"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		rejection, err := raminvitations.NewInvitationRejection(ctx, "unwanted-share", &raminvitations.InvitationRejectionArgs{
			InvitationArn: pulumi.String(cfg.Require("invitationArn")),
		})
		if err != nil {
			return err
		}
		ctx.Export("senderAccountId", rejection.SenderAccountId)
		ctx.Export("resourceShareName", rejection.ResourceShareName)
		ctx.Export("status", rejection.Status)
		return nil
	})
}
