package config

import (
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestDefaults(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Port != 8080 || c.DataDir != "./data" || c.Demo || c.DatabaseURL != "" || c.StaticDir != "frontend/dist" {
		t.Errorf("defaults = %+v", c)
	}
	if c.SessionIdleTimeout != 2*time.Hour || c.SessionMaxLifetime != 12*time.Hour {
		t.Errorf("session defaults = %v, %v", c.SessionIdleTimeout, c.SessionMaxLifetime)
	}
	if c.Location.String() != "Asia/Shanghai" {
		t.Errorf("time zone = %s", c.Location)
	}
}

func TestValues(t *testing.T) {
	c, err := FromEnv(env(map[string]string{
		"PORT": "9090", "DEMO": "1", "DATABASE_URL": "postgres://x@y/z", "SESSION_IDLE_TIMEOUT": "30m",
		"TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1", "TIME_ZONE": "UTC",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Port != 9090 || !c.Demo || c.SessionIdleTimeout != 30*time.Minute || len(c.TrustedProxies) != 2 || c.TrustedProxies[1] != "127.0.0.1" {
		t.Errorf("config = %+v", c)
	}
}

func TestEveryProblemAtOnce(t *testing.T) {
	_, err := FromEnv(env(map[string]string{
		"PORT": "http", "DEMO": "maybe", "SESSION_MAX_LIFETIME": "-1h", "TIME_ZONE": "Mars/Olympus",
		"SESSION_SECRET": "short", "LOG_FORMAT": "xml",
	}))
	if err == nil {
		t.Fatal("no error")
	}
	for _, name := range []string{"PORT", "DEMO", "SESSION_MAX_LIFETIME", "TIME_ZONE", "SESSION_SECRET", "LOG_FORMAT"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error does not name %s: %v", name, err)
		}
	}
}
