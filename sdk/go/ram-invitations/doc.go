// Rejects and accepts AWS RAM resource-share invitations declaratively and idempotently: a client token derived from the resource's URN, adoption of what is already done, and a preview that names sender and share.
package raminvitations
