package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func TestMigrateAndCreateAdmin(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	t.Setenv("DATA_DIR", t.TempDir())
	t.Setenv("BCRYPT_COST", "4")
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"migrate"}, strings.NewReader(""), &stderr); code != 0 {
		t.Fatalf("migrate exited %d: %s", code, stderr.String())
	}
	// Twice is fine: migrations are applied once.
	if code := run(context.Background(), []string{"migrate"}, strings.NewReader(""), &stderr); code != 0 {
		t.Fatalf("second migrate exited %d: %s", code, stderr.String())
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"create-admin", "-username", "chief"}, strings.NewReader("weak\n"), &stderr); code != 1 {
		t.Errorf("a weak password was accepted: %s", stderr.String())
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"create-admin", "-username", "chief"}, strings.NewReader("strong-pass-1\n"), &stderr); code != 0 {
		t.Fatalf("create-admin exited %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), `created admin "chief"`) {
		t.Errorf("output: %s", stderr.String())
	}
	if code := run(context.Background(), []string{"create-admin", "-username", "chief"}, strings.NewReader("strong-pass-1\n"), &stderr); code != 1 {
		t.Error("a second admin of the same name was created")
	}
	stderr.Reset()
	out := filepath.Join(t.TempDir(), "tracker-backup.db")
	if code := run(context.Background(), []string{"backup", "-out", out}, strings.NewReader(""), &stderr); code != 0 || !strings.Contains(stderr.String(), "backed up to") {
		t.Fatalf("backup exited %d: %s", code, stderr.String())
	}
	if code := run(context.Background(), []string{"backup", "-out", out}, strings.NewReader(""), &stderr); code != 1 {
		t.Error("backup overwrote an existing file")
	}
	if code := run(context.Background(), []string{"backup"}, strings.NewReader(""), &stderr); code != 1 {
		t.Error("backup without -out succeeded")
	}
	if code := run(context.Background(), []string{"frobnicate"}, strings.NewReader(""), &stderr); code != 2 {
		t.Errorf("unknown command exited %d", code)
	}
}

func TestServeStartsAndStopsGracefully(t *testing.T) {
	port := freePort(t)
	t.Setenv("DATABASE_URL", "")
	t.Setenv("DATA_DIR", t.TempDir())
	t.Setenv("PORT", fmt.Sprint(port))
	t.Setenv("DEMO", "1")
	t.Setenv("BCRYPT_COST", "4")
	t.Setenv("LOG_FORMAT", "json")
	ctx, cancel := context.WithCancel(context.Background())
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, nil, strings.NewReader(""), &stderr) }()

	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(20 * time.Second)
	for {
		res, err := http.Get(base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("not ready: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	res, err := http.Post(base+"/api/v1/auth/login", "application/json", strings.NewReader(`{"username":"admin","password":"demo-pass-2024"}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("demo admin sign-in: %d", res.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	logs := stderr.String()
	for _, want := range []string{`"msg":"seeded the demo city"`, `"msg":"request"`, `"request_id":`, `"msg":"stopped"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s", want)
		}
	}
}
