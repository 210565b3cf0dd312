package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/creditcode"
	"github.com/tiertracker/tiertracker/internal/spreadsheet"
)

// TestMain lets a test start this very binary as a server process (TT_SERVE_CHILD=1), to kill it.
func TestMain(m *testing.M) {
	if os.Getenv("TT_SERVE_CHILD") == "1" {
		os.Exit(run(context.Background(), nil, strings.NewReader(""), os.Stderr))
	}
	os.Exit(m.Run())
}

// server is a server process over a data directory.
type server struct {
	cmd  *exec.Cmd
	base string
	logs chan string // the log's lines as they come, for a test that waits for one
	mu   sync.Mutex
	all  []string // every line of the log
	done chan struct{}
}

// logLines returns the log so far.
func (s *server) logLines() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.all)
}

func startServer(t *testing.T, dataDir string) *server {
	t.Helper()
	return startServerWith(t, "DATABASE_URL=", "DATA_DIR="+dataDir)
}

// startServerWith starts a server process with the demo city and these settings (NAME=value),
// and waits until it is ready.
func startServerWith(t *testing.T, env ...string) *server {
	t.Helper()
	s := spawnServer(t, env...)
	s.waitReady(t)
	return s
}

// spawnServer starts a server process with the demo city and these settings, without waiting.
func spawnServer(t *testing.T, env ...string) *server {
	t.Helper()
	port := freePort(t)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TT_SERVE_CHILD=1", fmt.Sprintf("PORT=%d", port), "DEMO=1", "BCRYPT_COST=4", "LOG_FORMAT=json")
	cmd.Env = append(cmd.Env, env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, base: fmt.Sprintf("http://127.0.0.1:%d", port), logs: make(chan string, 1024), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			s.mu.Lock()
			s.all = append(s.all, sc.Text())
			s.mu.Unlock()
			select {
			case s.logs <- sc.Text():
			default: // nobody is listening for this line
			}
		}
	}()
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	return s
}

// waitReady waits until the server answers /readyz.
func (s *server) waitReady(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		if res, err := http.Get(s.base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the server did not become ready")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *server) client(t *testing.T, username string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 2 * time.Minute}
	res, err := c.Post(s.base+"/api/v1/auth/login", "application/json", strings.NewReader(`{"username":"`+username+`","password":"demo-pass-2024"}`))
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("sign in as %s: %v %v", username, err, res)
	}
	res.Body.Close()
	return c
}

func getJSON(t *testing.T, c *http.Client, url string, v any) {
	t.Helper()
	res, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, res.StatusCode, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatal(err)
	}
}

type importState struct {
	ID            int64  `json:"id"`
	Status        string `json:"status"`
	ProcessedRows int    `json:"processed_rows"`
	CreatedCount  int    `json:"created_count"`
}

// Killing the server while an import writes leaves nothing of it: the write is one transaction.
func TestImportKilledMidWriteLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	dataDir := t.TempDir()
	s := startServer(t, dataDir)
	c := s.client(t, "city")
	var before struct {
		Total int `json:"total"`
	}
	getJSON(t, c, s.base+"/api/v1/enterprises?page_size=1", &before)

	rows := make([][]any, 10000)
	for i := range rows {
		first := fmt.Sprintf("91445202%09d", 500000+i)
		rows[i] = []any{fmt.Sprintf("揭阳市中断测试%05d有限公司", i), first + string(creditcode.CheckChar(first)), "榕城区", "C33"}
	}
	var file bytes.Buffer
	if err := spreadsheet.Write(&file, "企业", []string{"企业名称", "统一社会信用代码", "所属区域", "所属行业"}, rows); err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("kind", "enterprises")
	fw, _ := mw.CreateFormFile("file", "企业.xlsx")
	_, _ = fw.Write(file.Bytes())
	_ = mw.Close()
	res, err := c.Post(s.base+"/api/v1/imports", mw.FormDataContentType(), &body)
	if err != nil || res.StatusCode != http.StatusAccepted {
		t.Fatalf("upload: %v %v", err, res)
	}
	var im importState
	_ = json.NewDecoder(res.Body).Decode(&im)
	res.Body.Close()
	for deadline := time.Now().Add(time.Minute); im.Status != "ready"; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the import is %s, not ready", im.Status)
		}
		getJSON(t, c, fmt.Sprintf("%s/api/v1/imports/%d", s.base, im.ID), &im)
	}

	// Confirm, and kill the process once it has started writing.
	res, err = c.Post(fmt.Sprintf("%s/api/v1/imports/%d/confirm", s.base, im.ID), "application/json", nil)
	if err != nil || res.StatusCode != http.StatusAccepted {
		t.Fatalf("confirm: %v %v", err, res)
	}
	res.Body.Close()
	timeout := time.After(time.Minute)
	for writing := false; !writing; {
		select {
		case line := <-s.logs:
			writing = strings.Contains(line, `"msg":"import: writing"`)
			if strings.Contains(line, `"msg":"import: done"`) {
				t.Fatal("the import finished before the process could be killed")
			}
		case <-timeout:
			t.Fatal("the import never started writing")
		}
	}
	// Readers do not wait for the write: the import answers with its progress meanwhile.
	quick := &http.Client{Jar: c.Jar, Timeout: 3 * time.Second}
	for deadline := time.Now().Add(10 * time.Second); im.Status != "importing" || im.ProcessedRows == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no progress seen while writing: %+v", im)
		}
		getJSON(t, quick, fmt.Sprintf("%s/api/v1/imports/%d", s.base, im.ID), &im)
	}
	if err := s.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = s.cmd.Wait()

	// A new process over the same data: not one of the 10,000 rows, and the import not done.
	s = startServer(t, dataDir)
	c = s.client(t, "city")
	var after struct {
		Total int `json:"total"`
	}
	getJSON(t, c, s.base+"/api/v1/enterprises?page_size=1", &after)
	if after.Total != before.Total {
		t.Errorf("%d enterprises before the import, %d after the kill", before.Total, after.Total)
	}
	getJSON(t, c, fmt.Sprintf("%s/api/v1/imports/%d", s.base, im.ID), &im)
	if im.Status == "done" {
		t.Errorf("the killed import says done: %+v", im)
	}
}
