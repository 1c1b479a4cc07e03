// Package sdkgen answers the engine's GeneratePackage request (what `pulumi package gen-sdk` sends a
// language host) with Pulumi's own code generators from github.com/pulumi/pulumi/pkg/v3/codegen, the
// code the official language hosts call for the same request.
package sdkgen

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Language is one of the languages whose generator this package runs.
type Language string

const (
	NodeJS Language = "nodejs"
	Python Language = "python"
	Go     Language = "go"
)

// Generator answers GeneratePackage for one language: a language host embeds it.
type Generator struct {
	Language Language
}

func (g Generator) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return GeneratePackage(ctx, g.Language, req)
}

// The tool name the generators write into the files' "do not edit" headers.
const tool = "pulumi"

// GeneratePackage binds the request's schema (resolving references to other packages through the
// engine's schema loader) and writes the SDK of `language` into the request's directory.
func GeneratePackage(
	_ context.Context, language Language, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	loader, err := schema.NewLoaderClient(req.LoaderTarget)
	if err != nil {
		return nil, fmt.Errorf("connecting to the engine's schema loader: %w", err)
	}
	defer loader.Close()

	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.Schema), &spec); err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("binding the schema: %w", err)
	}
	if diags.HasErrors() {
		return &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
	}

	var files map[string][]byte
	switch language {
	case NodeJS:
		files, err = nodejs.GeneratePackage(tool, pkg, req.ExtraFiles, req.LocalDependencies, req.Local, loader)
	case Python:
		files, err = python.GeneratePackage(tool, pkg, req.ExtraFiles, loader)
	case Go:
		files, err = gogen.GeneratePackage(tool, pkg, req.LocalDependencies)
	default:
		err = fmt.Errorf("no generator for %q", language)
	}
	if err != nil {
		return nil, fmt.Errorf("generating the %s SDK: %w", language, err)
	}
	for name, content := range files {
		path := filepath.Join(req.Directory, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, content, 0o600); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
}
