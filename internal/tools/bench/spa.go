package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// spaFile is one script that the SPA's index.html loads at once, with its size and its size
// gzipped at level 9.
type spaFile struct {
	Name    string
	Bytes   int
	Gzipped int
}

// spaResult is the SPA's initial JavaScript.
type spaResult struct{ Files []spaFile }

// Gzipped is the initial JavaScript's size gzipped, file by file, summed.
func (s spaResult) Gzipped() int {
	n := 0
	for _, f := range s.Files {
		n += f.Gzipped
	}
	return n
}

var (
	entryScript = regexp.MustCompile(`<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"`)
	preload     = regexp.MustCompile(`<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"`)
)

// gzipped is the size of b compressed by `gzip -9`, as a server would serve it pre-compressed;
// without the gzip command, by Go's compress/gzip at level 9 (about 1% larger).
func gzipped(b []byte) (int, error) {
	if path, err := exec.LookPath("gzip"); err == nil {
		cmd := exec.Command(path, "-9", "-n", "-c")
		cmd.Stdin = bytes.NewReader(b)
		out, err := cmd.Output()
		return len(out), err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	err := zw.Close()
	return buf.Len(), err
}

// initialScripts lists what index.html has the browser load before the app starts: its module
// entry script and the chunks it preloads (lazy routes are loaded later and not counted).
func initialScripts(indexHTML string) []string {
	var out []string
	for _, re := range []*regexp.Regexp{entryScript, preload} {
		for _, m := range re.FindAllStringSubmatch(indexHTML, -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// measureSPA sizes the initial scripts of the SPA built into dist.
func measureSPA(dist string) (spaResult, error) {
	index, err := os.ReadFile(filepath.Join(dist, "index.html"))
	if err != nil {
		return spaResult{}, err
	}
	var r spaResult
	for _, src := range initialScripts(string(index)) {
		b, err := os.ReadFile(filepath.Join(dist, filepath.FromSlash(strings.TrimPrefix(src, "/"))))
		if err != nil {
			return r, err
		}
		n, err := gzipped(b)
		if err != nil {
			return r, err
		}
		r.Files = append(r.Files, spaFile{Name: src, Bytes: len(b), Gzipped: n})
	}
	if len(r.Files) == 0 {
		return r, fmt.Errorf("%s/index.html loads no module script", dist)
	}
	return r, nil
}
