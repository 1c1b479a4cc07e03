// Command go-module-zip writes a Go module's release into a module proxy folder, the layout the go
// command reads with GOPROXY=file://<folder> and a proxy serves over HTTP
// (<module>/@v/list, <version>.info, .mod and .zip), so that a release can be installed with
// `go get` before its tag exists on the repository:
//
//	go-module-zip -module github.com/owner/repo/sdk -version v1.2.3 -dir sdk -out dist/go
//
// The zip is made by golang.org/x/mod/zip, the code the go command uses itself, so it has the
// files, size limits and checksum that the go command computes for the tagged folder.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	"golang.org/x/mod/zip"
)

func main() {
	modulePath := flag.String("module", "", "the module path, as in the module's go.mod")
	version := flag.String("version", "", "the release's version, e.g. v1.2.3")
	dir := flag.String("dir", "", "the module's folder (where its go.mod is)")
	out := flag.String("out", "", "the module proxy folder to write into")
	flag.Parse()
	if err := run(*modulePath, *version, *dir, *out); err != nil {
		fmt.Fprintf(os.Stderr, "go-module-zip: %v\n", err)
		os.Exit(1)
	}
}

func run(modulePath, version, dir, out string) error {
	if modulePath == "" || version == "" || dir == "" || out == "" {
		return fmt.Errorf("-module, -version, -dir and -out are all required")
	}
	if !semver.IsValid(version) {
		return fmt.Errorf("-version %q is not a Go module version (v1.2.3)", version)
	}
	mod := module.Version{Path: modulePath, Version: version}
	if err := module.Check(mod.Path, mod.Version); err != nil {
		return err
	}
	goMod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return err
	}
	escaped, err := module.EscapePath(modulePath)
	if err != nil {
		return err
	}
	versions := filepath.Join(out, filepath.FromSlash(escaped), "@v")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		return err
	}
	archive, err := os.Create(filepath.Join(versions, version+".zip"))
	if err != nil {
		return err
	}
	if err := zip.CreateFromDir(archive, mod, dir); err != nil {
		archive.Close()
		return err
	}
	if err := archive.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(versions, version+".mod"), goMod, 0o644); err != nil {
		return err
	}
	info, err := json.Marshal(struct {
		Version string
		Time    string
	}{version, time.Now().UTC().Format(time.RFC3339)})
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(versions, version+".info"), info, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(versions, "list"), []byte(version+"\n"), 0o644)
}
