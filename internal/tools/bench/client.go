package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"time"
)

// client talks to the server as the SPA does: a session cookie, and the same-origin header that
// the server's cross-origin protection asks of writes.
type client struct {
	base string
	http *http.Client
}

// newClient returns a client that keeps up to conns connections open to the server, so that
// every worker of a load keeps its own.
func newClient(base string, conns int) *client {
	jar, _ := cookiejar.New(nil)
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = conns, conns
	return &client{base: base, http: &http.Client{Jar: jar, Transport: tr, Timeout: 5 * time.Minute}}
}

// login signs in; the session cookie is kept for every later request.
func (c *client) login(ctx context.Context, username, password string) error {
	body, _ := json.Marshal(map[string]string{"username": username, "password": password})
	return c.send(ctx, http.MethodPost, "/api/v1/auth/login", "application/json", bytes.NewReader(body), http.StatusOK, nil)
}

// get sends a GET and reads the whole answer, decoding it into out unless out is nil.
func (c *client) get(ctx context.Context, path string, out any) error {
	return c.send(ctx, http.MethodGet, path, "", nil, http.StatusOK, out)
}

// post sends a POST with a body (nil for none) and decodes the answer into out.
func (c *client) post(ctx context.Context, path, contentType string, body io.Reader, want int, out any) error {
	return c.send(ctx, http.MethodPost, path, contentType, body, want, out)
}

func (c *client) send(ctx context.Context, method, path, contentType string, body io.Reader, want int, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != want {
		msg, _ := io.ReadAll(io.LimitReader(res.Body, 500))
		return fmt.Errorf("%s %s: %s: %s", method, path, res.Status, msg)
	}
	if out == nil {
		_, err = io.Copy(io.Discard, res.Body)
		return err
	}
	return json.NewDecoder(res.Body).Decode(out)
}

// upload sends a file as a multipart form with the fields given, as the SPA's import page does.
func (c *client) upload(ctx context.Context, path string, fields map[string]string, filename string, content []byte, out any) error {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			return err
		}
	}
	part, err := w.CreateFormFile("file", filename)
	if err != nil {
		return err
	}
	if _, err := part.Write(content); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.post(ctx, path, w.FormDataContentType(), &buf, http.StatusAccepted, out)
}
