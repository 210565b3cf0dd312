package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

const indexHTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
    <script type="module" crossorigin src="/assets/index-NsMiq8m-.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/jsx-runtime-Wy9s6hX0.js">
    <link rel="modulepreload" crossorigin href="/assets/client-BeQjc40d.js">
    <link rel="stylesheet" crossorigin href="/assets/index-CUgOOb7v.css">
  </head>
</html>`

func TestInitialScripts(t *testing.T) {
	got := initialScripts(indexHTML)
	want := []string{"/assets/index-NsMiq8m-.js", "/assets/jsx-runtime-Wy9s6hX0.js", "/assets/client-BeQjc40d.js"}
	if !slices.Equal(got, want) {
		t.Errorf("initialScripts = %q, want %q", got, want)
	}
}

func TestMeasureSPA(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"index.html": indexHTML, "assets/index-NsMiq8m-.js": "console.log(1)",
		"assets/jsx-runtime-Wy9s6hX0.js": "export const a = 1;", "assets/client-BeQjc40d.js": "export const b = 2;"}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := measureSPA(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Files) != 3 || r.Files[0].Bytes != len("console.log(1)") || r.Gzipped() <= 3*20 {
		t.Errorf("measured %+v", r)
	}
}

// gzipped compresses: ten thousand bytes of one letter come to a few dozen.
func TestGzipped(t *testing.T) {
	n, err := gzipped(bytes.Repeat([]byte("a"), 10_000))
	if err != nil || n <= 0 || n >= 100 {
		t.Errorf("gzipped 10,000 bytes of a to %d bytes, %v", n, err)
	}
}
