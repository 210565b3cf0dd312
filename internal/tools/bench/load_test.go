package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestAlternatingStopsPastItsBudget(t *testing.T) {
	nop := func(context.Context, int) error { time.Sleep(time.Millisecond); return nil }
	da, db, err := alternating(context.Background(), 0, 1000, 0, nop, nop)
	if err != nil {
		t.Fatal(err)
	}
	if len(da) != minTurns || len(db) != minTurns {
		t.Errorf("%d and %d turns past the budget, want %d", len(da), len(db), minTurns)
	}
}

func TestAlternatingTakesTurns(t *testing.T) {
	var calls []string
	a := func(_ context.Context, i int) error { calls = append(calls, fmt.Sprint("a", i)); return nil }
	b := func(_ context.Context, i int) error { calls = append(calls, fmt.Sprint("b", i)); return nil }
	da, db, err := alternating(context.Background(), 1, 3, time.Hour, a, b)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(calls, " "), "a0 b0 a0 b0 b1 a1 a2 b2"; got != want {
		t.Errorf("calls %q, want %q", got, want)
	}
	if len(da) != 3 || len(db) != 3 {
		t.Errorf("%d and %d durations, want 3 each", len(da), len(db))
	}
	fail := func(context.Context, int) error { return errors.New("refused") }
	if _, _, err := alternating(context.Background(), 0, 2, time.Hour, a, fail); err == nil {
		t.Error("an error was not returned")
	}
}
