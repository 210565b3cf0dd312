# The SME tier tracker. `make run` builds the SPA and the server and starts them on the embedded
# SQLite database with the demo city; `make test` runs every test that needs no browser; `make e2e`
# runs the browser tests.

GO       ?= go
NPM      ?= npm
BIN      := bin/tiertracker
WEB      := frontend
WEB_DEPS := $(WEB)/node_modules/.package-lock.json
GO_SRC   := $(shell find api internal -name '*.go' -not -name '*_test.go') api/openapi.yaml go.mod go.sum

.PHONY: run build test test-go test-web test-deploy e2e bench clean

run: build
	DEMO=$${DEMO:-1} STATIC_DIR=$(WEB)/dist ./$(BIN) serve

build: $(BIN) $(WEB)/dist/index.html

$(BIN): $(GO_SRC)
	CGO_ENABLED=0 $(GO) build -o $(BIN) ./api

$(WEB_DEPS): $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && $(NPM) ci --no-audit --no-fund

$(WEB)/dist/index.html: $(WEB_DEPS) $(shell find $(WEB)/src $(WEB)/public -type f 2>/dev/null) $(WEB)/index.html $(WEB)/vite.config.ts api/openapi.yaml
	cd $(WEB) && $(NPM) run build

# Go tests always run on in-memory SQLite; with TEST_DATABASE_URL set they run again on
# PostgreSQL, each test in a throwaway database.
test: test-go test-web test-deploy

test-go:
	$(GO) vet ./...
	env -u TEST_DATABASE_URL $(GO) test -count=1 ./...
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== Go tests on PostgreSQL"; \
		$(GO) test -count=1 ./...; \
	fi

# The deployment's manifests and compose file (deploy/README.md), in their own module.
test-deploy:
	cd deploy && $(GO) vet ./... && $(GO) test -count=1 ./...

test-web: $(WEB_DEPS)
	cd $(WEB) && $(NPM) run check:types && $(NPM) run typecheck && $(NPM) run lint && $(NPM) test

# Benchmarks at national scale, written into docs/BENCHMARKS.md: for each size, a fresh PostgreSQL
# database beside BENCH_DATABASE_URL filled by `tiertracker gen`, each figure measured next to its
# limit (pgbench, COPY, the statements alone); and the criteria engine pinned to one CPU.
# A quick run: make bench BENCH_SIZES=20000. Other flags: BENCH_FLAGS='-h'.
BENCH_SIZES        ?= 100000,1000000
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
bench: build
	$(GO) run ./internal/tools/bench -go $(GO) -sizes $(BENCH_SIZES) -database-url '$(BENCH_DATABASE_URL)' $(BENCH_FLAGS)

e2e: $(BIN) $(WEB)/dist/index.html
	cd $(WEB) && $(NPM) run e2e

clean:
	rm -rf bin $(WEB)/dist
