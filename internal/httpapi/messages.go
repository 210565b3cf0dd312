package httpapi

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"

	"golang.org/x/text/language"

	"github.com/tiertracker/tiertracker/internal/apperr"
	"github.com/tiertracker/tiertracker/internal/criteria"
)

// lang is a language the API writes its messages in.
type lang int

const (
	zhCN lang = iota
	enUS
)

var langMatcher = language.NewMatcher([]language.Tag{language.SimplifiedChinese, language.AmericanEnglish})

// langOf picks the caller's language from Accept-Language, falling back to zh-CN.
func langOf(r *http.Request) lang {
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil || len(tags) == 0 {
		return zhCN
	}
	_, i, conf := langMatcher.Match(tags...)
	if conf == language.No {
		return zhCN
	}
	return lang(i)
}

type text [2]string // by lang

// codeMessages is the message of each error code.
var codeMessages = map[apperr.Code]text{
	apperr.BadRequest:           {"请求格式有误", "The request is malformed"},
	apperr.Unauthenticated:      {"请先登录", "Please sign in"},
	apperr.InvalidCredentials:   {"用户名或密码错误", "Wrong username or password"},
	apperr.Forbidden:            {"无权执行此操作", "You may not do this"},
	apperr.AccountPending:       {"账号正在等待主管部门审核，审核通过后即可登录", "Your account is waiting for the bureau's approval"},
	apperr.AccountDisabled:      {"账号已停用或注册未获通过", "This account is disabled or its registration was not approved"},
	apperr.NotFound:             {"记录不存在", "Not found"},
	apperr.Conflict:             {"操作与记录的当前状态冲突", "This conflicts with the record's current state"},
	apperr.Duplicate:            {"记录已存在", "It already exists"},
	apperr.StaleVersion:         {"记录已被他人修改，请刷新后重试", "Someone else changed the record; reload it and try again"},
	apperr.InvalidTransition:    {"当前状态下不能执行此操作", "This cannot be done in the record's current state"},
	apperr.PayloadTooLarge:      {"请求体超过 1 MiB 上限", "The body is over the 1 MiB limit"},
	apperr.UnsupportedMediaType: {"请求体须为 application/json", "The body must be application/json"},
	apperr.ValidationFailed:     {"输入有误，请检查标出的字段", "Some fields are invalid"},
	apperr.Locked:               {"登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试", "Too many failed sign-ins; the account is locked, try again in {minutes} minutes"},
	apperr.RateLimited:          {"请求过于频繁，请稍后再试", "Too many requests; please try again later"},
	apperr.Unavailable:          {"服务暂不可用：数据库无法连接", "The service is unavailable: the database cannot be reached"},
	apperr.Internal:             {"服务器内部错误，请稍后再试", "Something went wrong on the server; please try again later"},
}

// reasonMessages are more precise messages than their code's, named by Error.Reason.
var reasonMessages = map[string]text{
	"malformed_json":       {"请求体不是有效的 JSON", "The body is not valid JSON"},
	"empty_body":           {"请求体不能为空", "The body is empty"},
	"session_expired":      {"登录已过期，请重新登录", "Your session has expired; please sign in again"},
	"officer_only":         {"这些字段只能由主管部门修改", "Only the bureau can change these fields"},
	"cross_origin":         {"拒绝跨站请求", "Cross-origin requests are refused"},
	"registration_decided": {"该注册申请已处理", "This registration has already been decided"},
	"attachment_type":      {"只接受 PDF、JPEG 或 PNG 文件", "Only PDF, JPEG or PNG files are accepted"},
	"attachment_too_large": {"附件超过 20 MiB 上限", "The file is over the 20 MiB limit"},
	"import_too_large":     {"导入文件超过 20 MiB 上限", "The file is over the 20 MiB limit"},
	"notice_off":           {"本地未启用公示环节（PUBLIC_NOTICE_DAYS=0）", "The public notice step is off here (PUBLIC_NOTICE_DAYS=0)"},
	"notice_closed":        {"公示期已结束或尚未开始，不能再提出异议", "The notice is not open for objections"},
	"import_not_ready":     {"该导入尚未校验通过，或已经导入", "This import has not passed its checks, or is already imported"},
	"results_unmatched":    {"名单中有未能匹配或有误的行，未作任何记录", "Some lines of the list match no recommended application or are invalid; nothing was recorded"},
	"not_editable":         {"申报已提交，不能再修改", "The application was submitted and can no longer be changed"},
	"no_route":             {"没有这个接口", "No such endpoint"},
}

// ruleMessages say why a field was refused.
var ruleMessages = map[apperr.Rule]text{
	apperr.RuleRequired:        {"必填", "Required"},
	apperr.RuleUnknownField:    {"无法识别的字段", "Unknown field"},
	apperr.RuleWrongType:       {"类型错误，应为 {type}", "Wrong type; expected {type}"},
	apperr.RuleTooShort:        {"至少 {min} 个字符", "At least {min} characters"},
	apperr.RuleTooLong:         {"最多 {max} 个字符", "At most {max} characters"},
	apperr.RuleTooSmall:        {"不能小于 {min}", "Must be at least {min}"},
	apperr.RuleTooLarge:        {"不能大于 {max}", "Must be at most {max}"},
	apperr.RuleOneOf:           {"取值无效，可选：{values}", "Must be one of: {values}"},
	apperr.RuleDate:            {"日期格式应为 YYYY-MM-DD", "Must be a date, YYYY-MM-DD"},
	apperr.RuleFuture:          {"不能晚于今天", "Cannot be later than today"},
	apperr.RuleCreditFormat:    {"统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）", "A unified social credit code is 18 digits or capital letters (no I, O, S, V or Z)"},
	apperr.RuleCreditCheck:     {"统一社会信用代码校验位不正确，请核对", "The check character of this unified social credit code is wrong; please check the code"},
	apperr.RuleUnknownRegion:   {"没有这个区域", "No such region"},
	apperr.RuleUnknownIndustry: {"没有这个行业大类（如 C34）", "No such industry division (e.g. C34)"},
	apperr.RuleUnknownUser:     {"须为在岗的市级工作人员，或该企业所在区域的区县工作人员", "Must be an active city officer, or a county officer of the enterprise's region"},
	apperr.RuleUnknownEnt:      {"没有这家企业", "No such enterprise"},
	apperr.RulePasswordWeak:    {"密码至少 8 位（不超过 72 字节），须同时包含字母和数字", "At least 8 characters (at most 72 bytes), with letters and digits"},
	apperr.RulePasswordWrong:   {"当前密码不正确", "The current password is wrong"},
	apperr.RuleUsernameFormat:  {"用户名为 3–32 位字母、数字、下划线、点或连字符，以字母开头", "3–32 letters, digits, '_', '.' or '-', starting with a letter"},
	apperr.RuleTaken:           {"已被占用或已登记", "Already taken or registered"},
	apperr.RuleMustBeEmpty:     {"该角色不应设置此项", "Must be empty for this role"},
	apperr.RuleNotAllowed:      {"无权修改此项", "You may not change this field"},
	apperr.RuleOutsideRegion:   {"超出您的管辖区域", "Outside your region"},
	apperr.RuleInvalid:         {"格式不正确", "Invalid"},
	apperr.RuleSelf:            {"不能修改自己的角色或状态", "You cannot change your own role or status"},
	apperr.RuleNoReport:        {"没有该年度的年度数据", "There is no report for this year"},
	apperr.RuleDuplicate:       {"重复", "Appears more than once"},
	apperr.RuleBatchClosed:     {"该批次不在申报期内（{opens_on} 至 {closes_on}）", "The batch is not open for submissions ({opens_on} to {closes_on})"},
	apperr.RulePrerequisite:    {"申报该梯度须持有有效的前一梯度资质（{tier}）", "Applying for this tier needs a valid qualification of the tier below ({tier})"},
	apperr.RuleFileType:        {"只接受 PDF、JPEG 或 PNG 文件", "Only PDF, JPEG or PNG files are accepted"},
	apperr.RuleTableType:       {"只接受 Excel（.xlsx）或 CSV 文件", "Only Excel (.xlsx) or CSV files are accepted"},
	apperr.RuleRepeatsRow:      {"与第 {row} 行重复", "Repeats row {row}"},
	apperr.RuleNotCityReview:   {"只能公示处于市级复审的申报", "Only applications in city review can be put on notice"},
	apperr.RuleOnNotice:        {"该申报正在公示中", "The application is already on a notice that has not ended"},
	apperr.RuleNoticeRequired:  {"推荐前须先经公示", "The application must be put on public notice before it is recommended"},
	apperr.RuleNoticeRunning:   {"公示期至 {ends_on} 结束，期满后方可推荐", "The notice runs until {ends_on}; it can be recommended after that"},
	apperr.RuleObjectionOpen:   {"有 {count} 条公示异议尚未处理", "{count} objection(s) to it are unresolved"},
	apperr.RuleMissedUpdate:    {"该企业未在 {year} 年度数据更新期内报送上年度数据，当年不能参加复核", "The enterprise missed the {year} annual update, so it cannot enter a re-review that year"},
	apperr.RuleNotDue:          {"该企业没有在 {year} 年到期、须复核的 {tier} 资质", "The enterprise holds no {tier} qualification due for re-review in {year}"},
}

// render fills {name} placeholders from params.
func render(t text, l lang, params map[string]any) string {
	s := t[l]
	for k, v := range params {
		if tier, ok := v.(criteria.Tier); ok {
			if name, known := tierNames[tier]; known {
				v = name[l] // a tier is said by its name, not its code
			}
		}
		s = strings.ReplaceAll(s, "{"+k+"}", paramText(v))
	}
	return s
}

func paramText(v any) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice {
		parts := make([]string, rv.Len())
		for i := range parts {
			parts[i] = fmt.Sprint(rv.Index(i).Interface())
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}

func messageOf(e *apperr.Error, l lang) string {
	if t, ok := reasonMessages[e.Reason]; ok {
		return render(t, l, e.Params)
	}
	if t, ok := codeMessages[e.Code]; ok {
		return render(t, l, e.Params)
	}
	return codeMessages[apperr.Internal][l]
}

func fieldMessage(f apperr.FieldError, l lang) string {
	if t, ok := ruleMessages[f.Rule]; ok {
		return render(t, l, f.Params)
	}
	return ruleMessages[apperr.RuleInvalid][l]
}
