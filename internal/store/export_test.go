package store

import (
	"testing"

	"gorm.io/gorm"
)

// BulkColumns returns the columns a load writes, by table.
func BulkColumns(t testing.TB, db *gorm.DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, model := range []any{&batchRow{}, &enterpriseRow{}, &annualReportRow{}, &eligibilityRow{}, &qualificationRow{},
		&qualificationEventRow{}, &applicationRow{}, &stepRow{}} {
		bt, err := bulkTableOf(db, model)
		if err != nil {
			t.Fatal(err)
		}
		out[bt.name] = bt.columns
	}
	return out
}

// EligibilityRow is a stored criteria result, as the store maps its table.
type EligibilityRow = eligibilityRow

// WithoutPassword is withoutPassword, for the backup's tests.
var WithoutPassword = withoutPassword

// PGDump is pgDump, for the backup's tests.
var PGDump = pgDump
