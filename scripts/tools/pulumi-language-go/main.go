// Command pulumi-language-go is a language host of ours that only generates Go SDKs, so that
// `pulumi package gen-sdk --language go` works here.
//
// Why it exists: the engine hands SDK generation to the language's host (GeneratePackage), and
// the official Go host cannot be fetched here (its module, github.com/pulumi/pulumi/sdk/go/
// pulumi-language-go/v3, is refused by the module proxy like the Node.js host's; see ../tools.go).
// The generator itself is in github.com/pulumi/pulumi/pkg/v3/codegen/go, which this module pins;
// ../sdkgen calls it as the official host does.
//
// Running Go programs (Run, and everything else a host does) is not implemented: the engine answers
// "unimplemented".
package main

import (
	"context"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-ram-invitations/scripts/tools/langhost"
	"pulumi-ram-invitations/scripts/tools/sdkgen"
)

func main() {
	langhost.Serve("pulumi-language-go", func(langhost.Engine) pulumirpc.LanguageRuntimeServer { return &host{} })
}

type host struct {
	langhost.Common
}

func (h *host) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return sdkgen.GeneratePackage(ctx, sdkgen.Go, req)
}
