// Package config reads the server's configuration from the environment, as the README lists it.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tiertracker/tiertracker/internal/annualupdate"
)

// Config is the server's configuration.
type Config struct {
	Port               int
	DatabaseURL        string
	DataDir            string
	Demo               bool
	SessionSecret      string
	SessionIdleTimeout time.Duration
	SessionMaxLifetime time.Duration
	StaticDir          string
	Location           *time.Location
	LogFormat          string
	LogLevel           slog.Level
	TrustedProxies     []string
	SecureCookies      bool
	BcryptCost         int
	ShutdownTimeout    time.Duration
	// AnnualUpdate is the annual update's window and consequences.
	AnnualUpdate annualupdate.Rules
	// PublicNoticeDays is the public notice's period before a city recommendation; 0 turns it off.
	PublicNoticeDays int
	// MetricsAddr is where Prometheus metrics are served (host:port, ":9090"); "" serves none.
	MetricsAddr string
}

// FromEnv reads the configuration from getenv (os.Getenv in production), answering every problem
// at once.
func FromEnv(getenv func(string) string) (Config, error) {
	var errs []error
	get := func(name, def string) string {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return v
		}
		return def
	}
	c := Config{
		DatabaseURL:   get("DATABASE_URL", ""),
		DataDir:       get("DATA_DIR", "./data"),
		SessionSecret: get("SESSION_SECRET", ""),
		StaticDir:     get("STATIC_DIR", "frontend/dist"),
		LogFormat:     get("LOG_FORMAT", "json"),
	}
	var err error
	if c.Port, err = strconv.Atoi(get("PORT", "8080")); err != nil || c.Port < 1 || c.Port > 65535 {
		errs = append(errs, fmt.Errorf("PORT must be a port number, not %q", getenv("PORT")))
	}
	if c.Demo, err = parseBool(get("DEMO", "false")); err != nil {
		errs = append(errs, fmt.Errorf("DEMO: %w", err))
	}
	if c.SecureCookies, err = parseBool(get("SECURE_COOKIES", "false")); err != nil {
		errs = append(errs, fmt.Errorf("SECURE_COOKIES: %w", err))
	}
	durations := []struct {
		name string
		def  string
		dst  *time.Duration
	}{
		{"SESSION_IDLE_TIMEOUT", "2h", &c.SessionIdleTimeout},
		{"SESSION_MAX_LIFETIME", "12h", &c.SessionMaxLifetime},
		{"SHUTDOWN_TIMEOUT", "20s", &c.ShutdownTimeout},
	}
	for _, d := range durations {
		v, err := time.ParseDuration(get(d.name, d.def))
		if err != nil || v <= 0 {
			errs = append(errs, fmt.Errorf("%s must be a positive duration such as 30m, not %q", d.name, getenv(d.name)))
		}
		*d.dst = v
	}
	if c.Location, err = time.LoadLocation(get("TIME_ZONE", "Asia/Shanghai")); err != nil {
		errs = append(errs, fmt.Errorf("TIME_ZONE: %w", err))
	}
	if err := c.LogLevel.UnmarshalText([]byte(get("LOG_LEVEL", "info"))); err != nil {
		errs = append(errs, fmt.Errorf("LOG_LEVEL: %w", err))
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		errs = append(errs, fmt.Errorf("LOG_FORMAT must be json or text, not %q", c.LogFormat))
	}
	if c.BcryptCost, err = strconv.Atoi(get("BCRYPT_COST", "10")); err != nil || c.BcryptCost < 4 || c.BcryptCost > 31 {
		errs = append(errs, fmt.Errorf("BCRYPT_COST must be 4–31, not %q", getenv("BCRYPT_COST")))
	}
	if v := get("TRUSTED_PROXIES", ""); v != "" {
		for _, p := range strings.Split(v, ",") {
			c.TrustedProxies = append(c.TrustedProxies, strings.TrimSpace(p))
		}
	}
	if c.MetricsAddr = get("METRICS_ADDR", ""); c.MetricsAddr != "" {
		if _, port, err := net.SplitHostPort(c.MetricsAddr); err != nil || port == "" {
			errs = append(errs, fmt.Errorf("METRICS_ADDR must be host:port or :port, not %q", c.MetricsAddr))
		}
	}
	if c.PublicNoticeDays, err = strconv.Atoi(get("PUBLIC_NOTICE_DAYS", "7")); err != nil || c.PublicNoticeDays < 0 || c.PublicNoticeDays > 60 {
		errs = append(errs, fmt.Errorf("PUBLIC_NOTICE_DAYS must be 0–60 (0: no public notice), not %q", getenv("PUBLIC_NOTICE_DAYS")))
	}
	c.AnnualUpdate = annualupdate.DefaultRules
	if c.AnnualUpdate.Window, err = annualupdate.ParseWindow(get("ANNUAL_UPDATE_WINDOW", annualupdate.DefaultWindow.String())); err != nil {
		errs = append(errs, fmt.Errorf("ANNUAL_UPDATE_WINDOW: %w", err))
	}
	if c.AnnualUpdate.BlocksReview, err = parseBool(get("ANNUAL_UPDATE_BLOCKS_REVIEW", "true")); err != nil {
		errs = append(errs, fmt.Errorf("ANNUAL_UPDATE_BLOCKS_REVIEW: %w", err))
	}
	if c.AnnualUpdate.MissesToCancel, err = strconv.Atoi(get("ANNUAL_UPDATE_MISSES_TO_CANCEL", "2")); err != nil || c.AnnualUpdate.MissesToCancel < 0 || c.AnnualUpdate.MissesToCancel > 3 {
		errs = append(errs, fmt.Errorf("ANNUAL_UPDATE_MISSES_TO_CANCEL must be 0–3 (0: never propose a cancellation), not %q", getenv("ANNUAL_UPDATE_MISSES_TO_CANCEL")))
	}
	if c.SessionSecret != "" && len(c.SessionSecret) < 32 {
		errs = append(errs, errors.New("SESSION_SECRET must be at least 32 characters"))
	}
	return c, errors.Join(errs...)
}

// FromOS reads the configuration from the process environment.
func FromOS() (Config, error) { return FromEnv(os.Getenv) }

func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off":
		return false, nil
	}
	return false, fmt.Errorf("%q is not a boolean (1/0, true/false)", s)
}
