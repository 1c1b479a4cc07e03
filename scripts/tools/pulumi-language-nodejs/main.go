// Command pulumi-language-nodejs is a small Node.js language host for the Pulumi engine.
//
// Why it exists: Pulumi's own host (module github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3)
// is only published as untagged pseudo-versions, and the Go module proxy this project can reach refuses
// every one of them (403 "This module version is not available"; see ../tools.go). The engine only needs
// a gRPC LanguageRuntime server, and all of the real work of running a program (ts-node, config, the
// resource monitor connection, error reporting) lives in the npm package @pulumi/pulumi, in
// `@pulumi/pulumi/cmd/run`. So this host does what the official one does for `preview`/`up`/`refresh`/
// `destroy`: it starts that script with the engine's arguments and reports how it exited.
//
// It also answers GeneratePackage (`pulumi package gen-sdk --language nodejs`) with Pulumi's own
// TypeScript generator (see ../sdkgen).
//
// Not implemented (the engine falls back or the command fails with "unimplemented"): dependency
// installation (`pulumi install`), program code generation, policy packs and source-based plugins.
package main

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-ram-invitations/scripts/tools/langhost"
	"pulumi-ram-invitations/scripts/tools/sdkgen"
)

func main() {
	langhost.Serve("pulumi-language-nodejs", func(engine langhost.Engine) pulumirpc.LanguageRuntimeServer {
		return &host{Generator: sdkgen.Generator{Language: sdkgen.NodeJS}, engine: engine}
	})
}

type host struct {
	langhost.Common
	sdkgen.Generator
	engine langhost.Engine
}

// About feeds the update metadata that `pulumi up` records (and `pulumi about`).
func (h *host) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("could not find node on the $PATH")
	}
	return langhost.About(ctx, node, "node --version", "--version")
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(h.engine.Context, cancel)()

	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("could not find node on the $PATH")
	}
	// Resolve the SDK the way the program itself will, so that the program's own @pulumi/pulumi runs it.
	resolve := exec.CommandContext(ctx, node, "-e",
		`process.stdout.write(require.resolve("@pulumi/pulumi/cmd/run"))`)
	resolve.Dir = req.GetPwd()
	runPath, err := resolve.Output()
	if err != nil {
		return nil, fmt.Errorf("could not find @pulumi/pulumi from %s; have you run npm install? (%w)",
			req.GetPwd(), err)
	}

	options := req.GetInfo().GetOptions().AsMap()
	env, err := programEnv(req, options)
	if err != nil {
		return nil, err
	}

	args := nodeArgs(options)
	args = append(args, string(runPath),
		"--monitor", req.GetMonitorAddress(),
		"--engine", h.engine.Address,
		"--organization", req.GetOrganization(),
		"--project", req.GetProject(),
		"--stack", req.GetStack(),
		"--pwd", req.GetPwd(),
		"--root-directory", req.GetInfo().GetRootDirectory(),
		"--parallel", fmt.Sprint(req.GetParallel()),
	)
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if h.engine.Tracing != "" {
		args = append(args, "--tracing", h.engine.Tracing)
	}
	program := req.GetProgram()
	if program == "" {
		program = "." // let @pulumi/pulumi pick package.json's "main"/"exports"
	}
	args = append(append(args, program), req.GetArgs()...)

	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	return langhost.RunProgram(cmd, "node"), nil
}

// programEnv passes what @pulumi/pulumi reads from the environment: the stack config and the
// Pulumi.yaml runtime options `typescript` (default true) and `tsconfig`.
func programEnv(req *pulumirpc.RunRequest, options map[string]any) ([]string, error) {
	env, err := langhost.ConfigEnv(req)
	if err != nil {
		return nil, err
	}
	typescript := true
	if v, ok := options["typescript"].(bool); ok {
		typescript = v
	}
	env = append(env, fmt.Sprintf("PULUMI_NODEJS_TYPESCRIPT=%t", typescript))
	if tsconfig, ok := options["tsconfig"].(string); ok && tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}
	return env, nil
}

// nodeArgs honours the Pulumi.yaml runtime option `nodeargs` (e.g. "--no-deprecation").
func nodeArgs(options map[string]any) []string {
	s, _ := options["nodeargs"].(string)
	return strings.Fields(s)
}
