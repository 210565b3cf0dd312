package application

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"unicode/utf8"

	"github.com/tiertracker/tiertracker/internal/access"
	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/audit"
)

// Files keeps attachments' contents, by a key that is random and says nothing of the file.
type Files interface {
	Save(key string, r io.Reader) error
	Open(key string) (io.ReadCloser, error)
	Remove(key string) error
}

// MaxAttachmentBytes bounds one attachment.
const MaxAttachmentBytes = 20 << 20

// allowedTypes are the kinds of file an application takes, as their content says.
var allowedTypes = map[string]string{"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}

// Attach stores a file of an application that the enterprise may still edit: a PDF, JPEG or PNG by
// its content (not its name), at most 20 MiB. Officers in scope may attach on the enterprise's
// behalf; a leader may not.
func (s Service) Attach(ctx context.Context, actor access.Actor, applicationID int64, filename string, r io.Reader) (Attachment, error) {
	if !actor.Is(access.Enterprise, access.CountyOfficer, access.CityOfficer, access.Admin) {
		return Attachment{}, apperr.New(apperr.Forbidden, "")
	}
	a, err := s.Store.GetApplication(ctx, actor.Scope(), applicationID)
	if err != nil {
		return Attachment{}, err
	}
	if !a.State.Editable() {
		return Attachment{}, apperr.New(apperr.InvalidTransition, "not_editable")
	}
	f, err := StoreFile(s.Files, filename, r)
	if err != nil {
		return Attachment{}, err
	}
	key := f.StorageKey
	now := s.Now().UTC()
	att := Attachment{ApplicationID: a.ID, Filename: f.Filename, ContentType: f.ContentType, Size: f.Size,
		SHA256: f.SHA256, StorageKey: key, UploadedBy: actor.Username, CreatedAt: now}
	err = s.Store.Tx(ctx, func(st Store) error {
		// The application may have been submitted meanwhile.
		cur, err := st.GetApplication(ctx, access.Scope{}, a.ID)
		if err != nil {
			return err
		}
		if !cur.State.Editable() {
			return apperr.New(apperr.InvalidTransition, "not_editable")
		}
		if err := st.CreateAttachment(ctx, &att); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, now, actor, "attachment.create", "application", a.EntityID(), nil,
			map[string]any{"attachment_id": att.ID, "filename": att.Filename, "size": att.Size, "sha256": att.SHA256}))
	})
	if err != nil {
		_ = s.Files.Remove(key)
		return Attachment{}, err
	}
	return att, nil
}

// OpenAttachment returns an attachment of an application within scope and its content.
func (s Service) OpenAttachment(ctx context.Context, actor access.Actor, applicationID, id int64) (Attachment, io.ReadCloser, error) {
	if _, err := s.Store.GetApplication(ctx, actor.Scope(), applicationID); err != nil {
		return Attachment{}, nil, err
	}
	att, err := s.Store.GetAttachment(ctx, applicationID, id)
	if err != nil {
		return Attachment{}, nil, err
	}
	rc, err := s.Files.Open(att.StorageKey)
	if err != nil {
		return Attachment{}, nil, apperr.Wrap(err, "open attachment")
	}
	return att, rc, nil
}

// Detach deletes an attachment of an application the enterprise may still edit.
func (s Service) Detach(ctx context.Context, actor access.Actor, applicationID, id int64) error {
	if !actor.Is(access.Enterprise, access.CountyOfficer, access.CityOfficer, access.Admin) {
		return apperr.New(apperr.Forbidden, "")
	}
	var key string
	err := s.Store.Tx(ctx, func(st Store) error {
		a, err := st.GetApplication(ctx, actor.Scope(), applicationID)
		if err != nil {
			return err
		}
		if !a.State.Editable() {
			return apperr.New(apperr.InvalidTransition, "not_editable")
		}
		att, err := st.GetAttachment(ctx, applicationID, id)
		if err != nil {
			return err
		}
		key = att.StorageKey
		if err := st.DeleteAttachment(ctx, id); err != nil {
			return err
		}
		return st.RecordAudit(ctx, audit.New(ctx, s.Now(), actor, "attachment.delete", "application", a.EntityID(),
			map[string]any{"attachment_id": att.ID, "filename": att.Filename, "sha256": att.SHA256}, nil))
	})
	if err != nil {
		return err
	}
	_ = s.Files.Remove(key) // the record is gone; a file left behind harms no one
	return nil
}

// StoredFile is a file kept by Files: its cleaned name, its type as its content says, its size and
// hash, and the random key it is kept under.
type StoredFile struct {
	Filename    string
	ContentType string
	Size        int64
	SHA256      string
	StorageKey  string
}

// StoreFile keeps an uploaded file by the attachment rules: a PDF, JPEG or PNG by its content
// (not its name), at most MaxAttachmentBytes, under a random key. Nothing is kept on a refusal.
func StoreFile(files Files, filename string, r io.Reader) (StoredFile, error) {
	filename = cleanName(filename)
	if filename == "" {
		return StoredFile{}, apperr.Field("file", apperr.RuleRequired, nil)
	}
	// Read the head to learn the type, then stream the rest through a hash into storage.
	head := make([]byte, 512)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return StoredFile{}, apperr.Wrap(err, "read upload")
	}
	head = head[:n]
	if n == 0 {
		return StoredFile{}, apperr.Field("file", apperr.RuleRequired, nil)
	}
	ctype := http.DetectContentType(head)
	if _, ok := allowedTypes[ctype]; !ok {
		return StoredFile{}, &apperr.Error{Code: apperr.UnsupportedMediaType, Reason: "attachment_type", Fields: []apperr.FieldError{{Field: "file", Rule: apperr.RuleFileType}}}
	}
	key, err := randomKey()
	if err != nil {
		return StoredFile{}, apperr.Wrap(err, "attachment key")
	}
	hash := sha256.New()
	counted := &countingReader{r: io.MultiReader(bytes.NewReader(head), r), limit: MaxAttachmentBytes}
	if err := files.Save(key, io.TeeReader(counted, hash)); err != nil {
		_ = files.Remove(key)
		if errors.Is(err, errTooLarge) {
			return StoredFile{}, apperr.New(apperr.PayloadTooLarge, "attachment_too_large")
		}
		return StoredFile{}, apperr.Wrap(err, "save attachment")
	}
	return StoredFile{Filename: filename, ContentType: ctype, Size: counted.n, SHA256: hex.EncodeToString(hash.Sum(nil)), StorageKey: key}, nil
}

func cleanName(name string) string {
	name = filepath.Base(strings.ReplaceAll(strings.TrimSpace(name), `\`, "/"))
	if name == "." || name == "/" {
		return ""
	}
	if utf8.RuneCountInString(name) > 200 {
		r := []rune(name)
		name = string(r[len(r)-200:])
	}
	return name
}

func randomKey() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

var errTooLarge = errors.New("attachment over the limit")

type countingReader struct {
	r     io.Reader
	n     int64
	limit int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.limit {
		return n, errTooLarge
	}
	return n, err
}
