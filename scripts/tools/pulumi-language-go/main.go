// Command pulumi-language-go is a small Go language host for the Pulumi engine: it runs `pulumi
// preview`/`up`/`refresh`/`destroy` of a Go program the way the official host does, and generates Go
// SDKs (`pulumi package gen-sdk --language go`).
//
// Why it exists: the official host (module github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3) is
// refused by the Go module proxy reachable here, like the Node.js host's (see ../tools.go). Running a
// Go program needs no runner script: the host builds the program with `go build` (or takes the
// prebuilt binary of the Pulumi.yaml runtime option `binary`) and runs it with the engine's settings
// in the variables the Go SDK reads (PULUMI_MONITOR, PULUMI_CONFIG, ...), as the official host does.
//
// Not implemented (the engine falls back or the command fails with "unimplemented"): dependency
// installation (`pulumi install`), program code generation and policy packs.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-ram-invitations/scripts/tools/langhost"
	"pulumi-ram-invitations/scripts/tools/sdkgen"
)

func main() {
	langhost.Serve("pulumi-language-go", func(engine langhost.Engine) pulumirpc.LanguageRuntimeServer {
		return &host{Generator: sdkgen.Generator{Language: sdkgen.Go}, engine: engine}
	})
}

type host struct {
	langhost.Common
	sdkgen.Generator
	engine langhost.Engine
}

// About feeds the update metadata that `pulumi up` records (and `pulumi about`).
func (h *host) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return nil, fmt.Errorf("could not find go on the $PATH: %w", err)
	}
	return langhost.About(ctx, goBin, "go env GOVERSION", "env", "GOVERSION")
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(h.engine.Context, cancel)()

	program, cleanup, err := programBinary(ctx, req)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	defer cleanup()
	env, err := langhost.ConfigEnv(req)
	if err != nil {
		return nil, err
	}
	env = append(env,
		"PULUMI_MONITOR="+req.GetMonitorAddress(),
		"PULUMI_ENGINE="+h.engine.Address,
		"PULUMI_ORGANIZATION="+req.GetOrganization(),
		"PULUMI_PROJECT="+req.GetProject(),
		"PULUMI_STACK="+req.GetStack(),
		"PULUMI_ROOT_DIRECTORY="+req.GetInfo().GetRootDirectory(),
		fmt.Sprintf("PULUMI_DRY_RUN=%t", req.GetDryRun()),
		fmt.Sprintf("PULUMI_PARALLEL=%d", req.GetParallel()),
	)
	cmd := exec.CommandContext(ctx, program, req.GetArgs()...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	return langhost.RunProgram(cmd, program), nil
}

// programBinary is the runtime option `binary` (relative to the project's folder), or the program
// built now with `go build` into a temporary folder that cleanup removes.
func programBinary(ctx context.Context, req *pulumirpc.RunRequest) (string, func(), error) {
	if binary, ok := req.GetInfo().GetOptions().AsMap()["binary"].(string); ok && binary != "" {
		if !filepath.IsAbs(binary) {
			binary = filepath.Join(req.GetInfo().GetRootDirectory(), binary)
		}
		return binary, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "pulumi-go-program-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { _ = os.RemoveAll(dir) }
	binary := filepath.Join(dir, "program")
	program := req.GetProgram()
	if program == "" {
		program = "."
	}
	build := exec.CommandContext(ctx, "go", "build", "-o", binary, program)
	build.Dir = req.GetPwd()
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("building the Go program in %s failed (go build: %v); see the compiler's output above",
			req.GetPwd(), err)
	}
	return binary, cleanup, nil
}
