package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/readyz":
			w.Write([]byte(`{"status":"ok"}`))
		case "/slow":
			time.Sleep(200 * time.Millisecond)
		default:
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()

	ctx := context.Background()
	if err := check(ctx, srv.Client(), srv.URL+"/readyz"); err != nil {
		t.Errorf("a 200 answer: %v, want nil", err)
	}
	if err := check(ctx, srv.Client(), srv.URL+"/down"); err == nil {
		t.Error("a 503 answer passed the check")
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := check(short, srv.Client(), srv.URL+"/slow"); err == nil {
		t.Error("an answer after the deadline passed the check")
	}
	srv.Close()
	if err := check(ctx, http.DefaultClient, srv.URL+"/readyz"); err == nil {
		t.Error("a closed port passed the check")
	}
}
