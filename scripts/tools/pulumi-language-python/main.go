// Command pulumi-language-python is a small Python language host for the Pulumi engine: it runs
// `pulumi preview`/`up`/`refresh`/`destroy` of a Python program the way the official host does, and
// generates Python SDKs (`pulumi package gen-sdk --language python`).
//
// Why it exists: the official host (module github.com/pulumi/pulumi/sdk/python/cmd/
// pulumi-language-python/v3) is refused by the Go module proxy reachable here, like the Node.js
// host's (see ../tools.go). The real work of running a program lives in the `pulumi` package on
// PyPI and in pulumi-language-python-exec, the script the official host runs, which the sdk/v3
// module ships (python/cmd) and scripts/ensure-pulumi installs next to this host. So Run starts
// that script with the engine's arguments, under the project's virtualenv (the Pulumi.yaml runtime
// option `virtualenv`) or the `python3` on PATH, and reports how it exited.
//
// Not implemented (the engine falls back or the command fails with "unimplemented"): dependency
// installation (`pulumi install`), program code generation, policy packs and the `toolchain` option
// (pip only).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"pulumi-ram-invitations/scripts/tools/langhost"
	"pulumi-ram-invitations/scripts/tools/sdkgen"
)

// The official host's runner script, installed beside this executable.
const execScript = "pulumi-language-python-exec"

func main() {
	langhost.Serve("pulumi-language-python", func(engine langhost.Engine) pulumirpc.LanguageRuntimeServer {
		return &host{Generator: sdkgen.Generator{Language: sdkgen.Python}, engine: engine}
	})
}

type host struct {
	langhost.Common
	sdkgen.Generator
	engine langhost.Engine
}

// About feeds the update metadata that `pulumi up` records (and `pulumi about`).
func (h *host) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	python, _, err := interpreter(req.GetInfo())
	if err != nil {
		return nil, err
	}
	return langhost.About(ctx, python, python+" --version", "--version")
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(h.engine.Context, cancel)()

	python, virtualenv, err := interpreter(req.GetInfo())
	if err != nil {
		return nil, err
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	script := filepath.Join(filepath.Dir(self), execScript)
	env, err := langhost.ConfigEnv(req)
	if err != nil {
		return nil, err
	}
	env = append(env, "PYTHONUNBUFFERED=true")
	if virtualenv != "" {
		env = append(env, "VIRTUAL_ENV="+virtualenv,
			"PATH="+filepath.Join(virtualenv, "bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
	}

	args := []string{"-u", script,
		"--monitor", req.GetMonitorAddress(),
		"--engine", h.engine.Address,
		"--organization", req.GetOrganization(),
		"--project", req.GetProject(),
		"--stack", req.GetStack(),
		"--pwd", req.GetPwd(),
		"--root_directory", req.GetInfo().GetRootDirectory(),
		"--dry_run", fmt.Sprint(req.GetDryRun()),
		"--parallel", fmt.Sprint(req.GetParallel()),
	}
	if h.engine.Tracing != "" {
		args = append(args, "--tracing", h.engine.Tracing)
	}
	program := req.GetProgram()
	if program == "" {
		program = "." // the project folder's __main__.py
	}
	args = append(append(args, program), req.GetArgs()...)

	cmd := exec.CommandContext(ctx, python, args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	return langhost.RunProgram(cmd, python), nil
}

// interpreter is the project's virtualenv's python (the runtime option `virtualenv`, relative to
// the project's folder), or python3 from PATH; and the virtualenv's folder, if any.
func interpreter(info *pulumirpc.ProgramInfo) (python, virtualenv string, err error) {
	if venv, ok := info.GetOptions().AsMap()["virtualenv"].(string); ok && venv != "" {
		if !filepath.IsAbs(venv) {
			venv = filepath.Join(info.GetRootDirectory(), venv)
		}
		python = filepath.Join(venv, "bin", "python")
		if _, err := os.Stat(python); err != nil {
			return "", "", fmt.Errorf("the virtualenv %s has no bin/python: create it with "+
				"`python3 -m venv %s` and install the program's requirements into it", venv, venv)
		}
		return python, venv, nil
	}
	python, err = exec.LookPath("python3")
	if err != nil {
		return "", "", errors.New("could not find python3 on the $PATH (or set the runtime option virtualenv)")
	}
	return python, "", nil
}
