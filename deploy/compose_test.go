package deploy

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

// loadCompose loads a compose file as `docker compose config` does (the Compose specification's
// schema, interpolation of ${VAR:-default}, merge keys), with an empty environment so that the
// documented defaults are what is checked.
func loadCompose(t *testing.T, path string) (*types.Project, error) {
	t.Helper()
	opts, err := cli.NewProjectOptions([]string{path},
		cli.WithEnv(nil), cli.WithDiscardEnvFile, cli.WithResolvedPaths(true))
	if err != nil {
		return nil, err
	}
	return opts.LoadProject(context.Background())
}

func TestComposeFile(t *testing.T) {
	p, err := loadCompose(t, "compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"postgres", "migrate", "api-1", "api-2", "front"} {
		if _, ok := p.Services[name]; !ok {
			t.Fatalf("no service %s", name)
		}
	}
	root, _ := filepath.Abs("..")

	// The servers: two replicas of one image, after the database and the migration, healthy only
	// when ready, sharing the uploaded files.
	var replicas []string
	for name, s := range p.Services {
		if slices.Equal([]string(s.Command), []string{"serve"}) {
			replicas = append(replicas, name)
		}
	}
	slices.Sort(replicas)
	if !slices.Equal(replicas, []string{"api-1", "api-2"}) {
		t.Errorf("services running serve: %v, want api-1 and api-2", replicas)
	}
	migrate := p.Services["migrate"]
	if !slices.Equal([]string(migrate.Command), []string{"migrate"}) || migrate.Restart != "no" {
		t.Errorf("migrate: command %v restart %q, want a one-shot migrate", migrate.Command, migrate.Restart)
	}
	for _, name := range append([]string{"migrate"}, replicas...) {
		s := p.Services[name]
		if s.Image != p.Services["api-1"].Image || s.Build == nil || s.Build.Target != "runtime" || s.Build.Context != root {
			t.Errorf("%s: image %s built from %v, want the server's image from the repository's root", name, s.Image, s.Build)
		}
		env := s.Environment
		if url := deref(env["DATABASE_URL"]); !strings.HasPrefix(url.(string), "postgres://tiertracker:") || !strings.Contains(url.(string), "@postgres:5432/") {
			t.Errorf("%s: DATABASE_URL %v, want the postgres service", name, url)
		}
		if secret, _ := deref(env["SESSION_SECRET"]).(string); len(secret) < 32 {
			t.Errorf("%s: the default SESSION_SECRET has %d characters; the server refuses fewer than 32", name, len(secret))
		}
		if v, _ := deref(env["METRICS_ADDR"]).(string); v != ":9090" {
			t.Errorf("%s: METRICS_ADDR %q, want :9090", name, v)
		}
		if dep := s.DependsOn["postgres"]; dep.Condition != types.ServiceConditionHealthy {
			t.Errorf("%s: must wait for a healthy postgres, not %q", name, dep.Condition)
		}
	}
	for _, name := range replicas {
		s := p.Services[name]
		if dep := s.DependsOn["migrate"]; dep.Condition != types.ServiceConditionCompletedSuccessfully {
			t.Errorf("%s: must wait for the migration to succeed, not %q", name, dep.Condition)
		}
		hc := s.HealthCheck
		if hc == nil || !slices.Equal([]string(hc.Test), []string{"CMD", "/app/healthcheck", "http://127.0.0.1:8080/readyz"}) {
			t.Errorf("%s: healthcheck %v, want the image's healthcheck on /readyz", name, hc)
		}
		if !slices.ContainsFunc(s.Volumes, func(v types.ServiceVolumeConfig) bool { return v.Source == "files" && v.Target == "/data" }) {
			t.Errorf("%s: the shared volume files must be mounted on DATA_DIR (/data)", name)
		}
		if len(s.Ports) > 0 {
			t.Errorf("%s publishes ports %v; only the front should be reachable", name, s.Ports)
		}
	}

	// The front: nginx serving the SPA, proxying to both replicas once they are healthy.
	front := p.Services["front"]
	if front.Build == nil || front.Build.Target != "front" {
		t.Errorf("front: built from %v, want the Dockerfile's front target", front.Build)
	}
	if len(front.Ports) != 1 || front.Ports[0].Target != 8080 || front.Ports[0].Published != "8080" {
		t.Errorf("front: ports %v, want 8080 published on 8080 by default", front.Ports)
	}
	for _, name := range replicas {
		if front.DependsOn[name].Condition != types.ServiceConditionHealthy {
			t.Errorf("front: must wait for %s to be healthy", name)
		}
	}
	conf, err := os.ReadFile("nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	var upstream []string
	for _, m := range regexp.MustCompile(`(?m)^\s*server\s+([a-z0-9-]+):8080\b`).FindAllStringSubmatch(string(conf), -1) {
		upstream = append(upstream, m[1])
	}
	if !slices.Equal(upstream, replicas) {
		t.Errorf("nginx.conf's upstream is %v, want the replicas %v", upstream, replicas)
	}
	for _, loc := range []string{"location /api/", "location = /readyz", "try_files $uri /index.html", "gzip on;"} {
		if !strings.Contains(string(conf), loc) {
			t.Errorf("nginx.conf has no %q", loc)
		}
	}

	// Health and hardening of everything.
	for name, s := range p.Services {
		if s.HealthCheck == nil && name != "migrate" {
			t.Errorf("%s: no healthcheck", name)
		}
		if name != "postgres" && (!s.ReadOnly || !slices.Equal(s.CapDrop, []string{"ALL"})) {
			t.Errorf("%s: want a read-only root filesystem and every capability dropped", name)
		}
	}
}

// TestComposeLoaderRefusesBrokenFile shows that the loader checks the Compose specification: a
// misspelt key fails, so TestComposeFile cannot pass on a file that compose would refuse.
func TestComposeLoaderRefusesBrokenFile(t *testing.T) {
	b, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(b), "    healthcheck:\n      test: [\"CMD-SHELL\"", "    healthcheck:\n      tset: [\"CMD-SHELL\"", 1)
	if broken == string(b) {
		t.Fatal("found nothing to break")
	}
	path := filepath.Join(t.TempDir(), "compose.yaml")
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadCompose(t, path); err == nil || !strings.Contains(err.Error(), "tset") {
		t.Fatalf("loading a compose file with a misspelt key: %v, want an error naming it", err)
	}
}

// TestDockerfile checks what the manifests and the compose file rely on in the image.
func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(b)
	stages := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^FROM\s+\S+\s+AS\s+(\S+)$`).FindAllStringSubmatch(df, -1) {
		stages[m[1]] = true
	}
	for _, s := range []string{"web", "server", "front", "runtime"} {
		if !stages[s] {
			t.Errorf("no stage %s", s)
		}
	}
	last := regexp.MustCompile(`(?m)^FROM\s+\S+\s+AS\s+(\S+)$`).FindAllStringSubmatch(df, -1)
	if n := len(last); n == 0 || last[n-1][1] != "runtime" {
		t.Error("the runtime stage must be the last, so that a plain docker build makes the server's image")
	}
	for _, want := range []string{
		"CGO_ENABLED=0",
		"ARG RUNTIME_IMAGE=gcr.io/distroless/static-debian12:nonroot",
		"COPY api/openapi.yaml /src/api/openapi.yaml",
		"npm ci",
		"npm run build",
		"STATIC_DIR=/app/web",
		"DATA_DIR=/data",
		"USER 65532:65532",
		"EXPOSE 8080 9090",
		`ENTRYPOINT ["/app/tiertracker"]`,
		"COPY --from=server /out/healthcheck /app/healthcheck",
	} {
		if !strings.Contains(df, want) {
			t.Errorf("the Dockerfile has no %q", want)
		}
	}
	ignore, err := os.ReadFile("../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"**/node_modules", ".git", "frontend/dist"} {
		if !slices.Contains(strings.Split(string(ignore), "\n"), want) {
			t.Errorf(".dockerignore does not leave out %s", want)
		}
	}
}
