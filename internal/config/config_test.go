package config

import (
	"strings"
	"testing"
	"time"

	"github.com/tiertracker/tiertracker/internal/annualupdate"
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
	if c.PublicNoticeDays != 7 {
		t.Errorf("public notice days = %d", c.PublicNoticeDays)
	}
	if c.AnnualUpdate != annualupdate.DefaultRules {
		t.Errorf("annual update = %+v", c.AnnualUpdate)
	}
}

func TestValues(t *testing.T) {
	c, err := FromEnv(env(map[string]string{
		"PORT": "9090", "DEMO": "1", "DATABASE_URL": "postgres://x@y/z", "SESSION_IDLE_TIMEOUT": "30m",
		"TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1", "TIME_ZONE": "UTC",
		"ANNUAL_UPDATE_WINDOW": "03-01..06-30", "ANNUAL_UPDATE_BLOCKS_REVIEW": "0", "ANNUAL_UPDATE_MISSES_TO_CANCEL": "0",
		"METRICS_ADDR": ":9100",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Port != 9090 || !c.Demo || c.SessionIdleTimeout != 30*time.Minute || len(c.TrustedProxies) != 2 || c.TrustedProxies[1] != "127.0.0.1" {
		t.Errorf("config = %+v", c)
	}
	if c.MetricsAddr != ":9100" {
		t.Errorf("metrics addr = %q", c.MetricsAddr)
	}
	if want := (annualupdate.Rules{Window: annualupdate.Window{FromMonth: 3, FromDay: 1, ToMonth: 6, ToDay: 30}}); c.AnnualUpdate != want {
		t.Errorf("annual update = %+v", c.AnnualUpdate)
	}
}

func TestEveryProblemAtOnce(t *testing.T) {
	_, err := FromEnv(env(map[string]string{
		"PORT": "http", "DEMO": "maybe", "SESSION_MAX_LIFETIME": "-1h", "TIME_ZONE": "Mars/Olympus",
		"SESSION_SECRET": "short", "LOG_FORMAT": "xml", "ANNUAL_UPDATE_WINDOW": "05-01..04-30", "ANNUAL_UPDATE_MISSES_TO_CANCEL": "7", "PUBLIC_NOTICE_DAYS": "-1",
		"METRICS_ADDR": "9090",
	}))
	if err == nil {
		t.Fatal("no error")
	}
	for _, name := range []string{"PORT", "DEMO", "SESSION_MAX_LIFETIME", "TIME_ZONE", "SESSION_SECRET", "LOG_FORMAT", "ANNUAL_UPDATE_WINDOW", "ANNUAL_UPDATE_MISSES_TO_CANCEL", "PUBLIC_NOTICE_DAYS", "METRICS_ADDR"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error does not name %s: %v", name, err)
		}
	}
}
