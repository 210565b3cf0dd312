package filestore

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestDir(t *testing.T) {
	d := Dir{Root: t.TempDir()}
	key := "0123456789abcdef0123456789abcdef"
	if err := d.Save(key, strings.NewReader("%PDF-1.7 hello")); err != nil {
		t.Fatal(err)
	}
	rc, err := d.Open(key)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(rc)
	rc.Close()
	if string(b) != "%PDF-1.7 hello" {
		t.Errorf("read %q", b)
	}
	if err := d.Remove(key); err != nil {
		t.Fatal(err)
	}
	if err := d.Remove(key); err != nil {
		t.Errorf("second remove: %v", err)
	}
	for _, bad := range []string{"../etc/passwd", "", "ABCDEF0123456789", "zz"} {
		if err := d.Save(bad, strings.NewReader("x")); err == nil {
			t.Errorf("key %q accepted", bad)
		}
	}
	// A failed write leaves nothing behind.
	if err := d.Save(key, failing{}); err == nil {
		t.Error("failed write reported success")
	}
	if _, err := d.Open(key); err == nil {
		t.Error("half a file left")
	}
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("disk gone") }
