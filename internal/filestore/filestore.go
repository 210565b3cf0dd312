// Package filestore keeps uploaded files on disk under the data directory, by random keys that
// say nothing of the file; they are served only through the API, never from a public path.
package filestore

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
)

// Dir is a directory of files.
type Dir struct {
	Root string
}

var keyPattern = regexp.MustCompile(`^[0-9a-f]{16,64}$`)

func (d Dir) path(key string) (string, error) {
	if !keyPattern.MatchString(key) {
		return "", fmt.Errorf("filestore: bad key %q", key)
	}
	// Two levels of fan-out keep directories small.
	return filepath.Join(d.Root, key[:2], key), nil
}

// Save writes a file atomically: to a temporary name, then renamed into place.
func (d Dir) Save(key string, r io.Reader) error {
	p, err := d.path(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".upload-*")
	if err != nil {
		return err
	}
	_, copyErr := io.Copy(tmp, r)
	closeErr := tmp.Close()
	if err := errors.Join(copyErr, closeErr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), p)
}

// Open returns a file's content.
func (d Dir) Open(key string) (io.ReadCloser, error) {
	p, err := d.path(key)
	if err != nil {
		return nil, err
	}
	return os.Open(p)
}

// Remove deletes a file; a missing one is not an error.
func (d Dir) Remove(key string) error {
	p, err := d.path(key)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}
