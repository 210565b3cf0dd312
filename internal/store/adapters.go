package store

import (
	"github.com/tiertracker/tiertracker/internal/annualupdate"
	"github.com/tiertracker/tiertracker/internal/application"
	"github.com/tiertracker/tiertracker/internal/audit"
	"github.com/tiertracker/tiertracker/internal/auth"
	"github.com/tiertracker/tiertracker/internal/batch"
	"github.com/tiertracker/tiertracker/internal/cultivation"
	"github.com/tiertracker/tiertracker/internal/demo"
	"github.com/tiertracker/tiertracker/internal/eligibility"
	"github.com/tiertracker/tiertracker/internal/enterprise"
	"github.com/tiertracker/tiertracker/internal/importer"
	"github.com/tiertracker/tiertracker/internal/notice"
	"github.com/tiertracker/tiertracker/internal/notification"
	"github.com/tiertracker/tiertracker/internal/qualification"
	"github.com/tiertracker/tiertracker/internal/ratelimit"
	"github.com/tiertracker/tiertracker/internal/region"
	"github.com/tiertracker/tiertracker/internal/report"
	"github.com/tiertracker/tiertracker/internal/stats"
	"github.com/tiertracker/tiertracker/internal/user"
)

// Each adapter satisfies its domain's Store: the compiler checks it here.
var (
	_ annualupdate.Store  = AnnualUpdates{}
	_ application.Store   = Applications{}
	_ audit.Store         = Reader{}
	_ auth.Store          = Sessions{}
	_ batch.Store         = Batches{}
	_ cultivation.Store   = Cultivation{}
	_ demo.Store          = Seeder{}
	_ eligibility.Store   = Eligibility{}
	_ enterprise.Store    = Enterprises{}
	_ importer.Store      = Imports{}
	_ notice.Store        = Notices{}
	_ notification.Store  = Notifications{}
	_ qualification.Store = Qualifications{}
	_ ratelimit.Store     = RateLimits{}
	_ region.AdminStore   = Regions{}
	_ report.Store        = Reports{}
	_ stats.Store         = Stats{}
	_ user.Store          = Users{}
)
