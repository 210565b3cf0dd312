// Package apperr is the one error vocabulary of the product: every domain failure carries a code
// (not_found, conflict, validation_failed ...) and, for bad input, the fields it concerns. The HTTP
// layer maps codes to statuses and renders messages in the caller's language in one place.
package apperr

import (
	"errors"
	"fmt"
	"time"
)

// Code names a kind of failure; it is sent to clients as error.code.
type Code string

// The codes of the product. HTTP statuses are assigned by the HTTP layer.
const (
	BadRequest           Code = "bad_request"
	Unauthenticated      Code = "unauthenticated"
	InvalidCredentials   Code = "invalid_credentials"
	Forbidden            Code = "forbidden"
	AccountPending       Code = "account_pending"
	AccountDisabled      Code = "account_disabled"
	NotFound             Code = "not_found"
	Conflict             Code = "conflict"
	Duplicate            Code = "duplicate"
	StaleVersion         Code = "stale_version"
	InvalidTransition    Code = "invalid_transition"
	PayloadTooLarge      Code = "payload_too_large"
	UnsupportedMediaType Code = "unsupported_media_type"
	ValidationFailed     Code = "validation_failed"
	Locked               Code = "locked"
	RateLimited          Code = "rate_limited"
	Unavailable          Code = "unavailable"
	Internal             Code = "internal"
)

// Rule names why one field was refused; the HTTP layer turns it into a sentence.
type Rule string

// The rules a field can break.
const (
	RuleRequired        Rule = "required"
	RuleUnknownField    Rule = "unknown_field"
	RuleWrongType       Rule = "wrong_type"
	RuleTooShort        Rule = "too_short"
	RuleTooLong         Rule = "too_long"
	RuleTooSmall        Rule = "too_small"
	RuleTooLarge        Rule = "too_large"
	RuleOneOf           Rule = "one_of"
	RuleDate            Rule = "date"
	RuleFuture          Rule = "future"
	RuleCreditFormat    Rule = "credit_code_format"
	RuleCreditCheck     Rule = "credit_code_check"
	RuleUnknownRegion   Rule = "unknown_region"
	RuleUnknownIndustry Rule = "unknown_industry"
	RuleUnknownUser     Rule = "unknown_officer"
	RuleUnknownEnt      Rule = "unknown_enterprise"
	RulePasswordWeak    Rule = "password_weak"
	RulePasswordWrong   Rule = "password_wrong"
	RuleUsernameFormat  Rule = "username_format"
	RuleTaken           Rule = "taken"
	RuleMustBeEmpty     Rule = "must_be_empty"
	RuleNotAllowed      Rule = "not_allowed"
	RuleOutsideRegion   Rule = "outside_region"
	RuleInvalid         Rule = "invalid"
	RuleSelf            Rule = "self"
	RuleNoReport        Rule = "no_report"
	RuleDuplicate       Rule = "duplicate"
	RuleBatchClosed     Rule = "batch_not_open"
	RulePrerequisite    Rule = "prerequisite_not_held"
	RuleNotDue          Rule = "not_due_for_review"
	RuleFileType        Rule = "file_type"
	RuleTableType       Rule = "table_file_type"
	RuleRepeatsRow      Rule = "repeats_row"
	RuleMissedUpdate    Rule = "missed_annual_update"
	RuleNotCityReview   Rule = "not_in_city_review"
	RuleOnNotice        Rule = "already_on_notice"
	RuleNoticeRequired  Rule = "public_notice_required"
	RuleNoticeRunning   Rule = "public_notice_running"
	RuleObjectionOpen   Rule = "objection_unresolved"
)

// FieldError says which field broke which rule; Params fill the sentence (e.g. "max": 200).
type FieldError struct {
	Field  string
	Rule   Rule
	Params map[string]any
}

// Error is a failure of the domain or of the input, with a code the client can act on.
type Error struct {
	Code Code
	// Reason optionally names a more precise message than the code's own (a catalogue key).
	Reason     string
	Params     map[string]any
	Fields     []FieldError
	RetryAfter time.Duration
	// Err is the internal cause, logged but never sent.
	Err error
}

func (e *Error) Error() string {
	msg := string(e.Code)
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	for _, f := range e.Fields {
		msg += fmt.Sprintf(" [%s %s]", f.Field, f.Rule)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an error of the code with an optional reason key.
func New(code Code, reason string) *Error { return &Error{Code: code, Reason: reason} }

// Wrap returns an internal error with its cause.
func Wrap(err error, context string) *Error {
	return &Error{Code: Internal, Err: fmt.Errorf("%s: %w", context, err)}
}

// Field returns a validation failure of one field.
func Field(field string, rule Rule, params map[string]any) *Error {
	return &Error{Code: ValidationFailed, Fields: []FieldError{{Field: field, Rule: rule, Params: params}}}
}

// CodeOf returns the code of err, Internal for anything that is not an *Error.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Is reports whether err carries the code.
func Is(err error, code Code) bool { return err != nil && CodeOf(err) == code }

// Fields collects field errors and turns them into one validation failure.
type Fields []FieldError

// Add records that field broke rule.
func (fs *Fields) Add(field string, rule Rule, params map[string]any) {
	*fs = append(*fs, FieldError{Field: field, Rule: rule, Params: params})
}

// Has reports whether field already has an error.
func (fs Fields) Has(field string) bool {
	for _, f := range fs {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Err returns nil when no field failed, or a validation_failed error naming each one.
func (fs Fields) Err() error {
	if len(fs) == 0 {
		return nil
	}
	return &Error{Code: ValidationFailed, Fields: fs}
}
