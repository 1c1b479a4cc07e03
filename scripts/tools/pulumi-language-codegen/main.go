// Command pulumi-language-codegen is installed as pulumi-language-python and pulumi-language-go: a
// language host that only generates SDKs, so that `pulumi package gen-sdk --language python|go` works.
//
// Why it exists: the engine hands SDK generation to the language's host (GeneratePackage), and the
// official Python and Go hosts cannot be fetched here (their Go modules,
// github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3 and .../sdk/go/pulumi-language-go/v3,
// are refused by the module proxy like the Node.js host's; see ../tools.go). The generators
// themselves are in github.com/pulumi/pulumi/pkg/v3/codegen, which this module pins; ../sdkgen calls
// them as the official hosts do. The language is the one in the executable's name.
//
// Running programs (Run, and everything else a host does) is not implemented: the engine answers
// "unimplemented". Python programs here run through the Python Automation API instead, which needs
// no host (see the README).
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"

	"pulumi-ram-invitations/scripts/tools/sdkgen"
)

func main() {
	name := filepath.Base(os.Args[0])
	language := sdkgen.Language(strings.TrimPrefix(name, "pulumi-language-"))
	if language != sdkgen.Python && language != sdkgen.Go {
		fmt.Fprintf(os.Stderr, "%s: install this as pulumi-language-python or pulumi-language-go\n", name)
		os.Exit(2)
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &host{language: language})
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: could not start the RPC server: %v\n", name, err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Println(handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "%s: RPC server stopped: %v\n", name, err)
		os.Exit(1)
	}
}

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	language sdkgen.Language
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

func (h *host) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return sdkgen.GeneratePackage(ctx, h.language, req)
}
