// The hostile-input table (hostile_cases.h). Adding a case is one statement
// in one of the *Cases() functions; a WrongTypes() line expands to five cases.
// Over 400 lines on purpose: it is a table of ~200 rows, and splitting it
// would only scatter the rows.

#include "hostile/hostile_cases.h"

#include <nlohmann/json.hpp>

#include "hostile/raw_http.h"

namespace pathrank::testing {
namespace {

using nlohmann::json;

// A body route: where it is and a valid body every mutation starts from.
struct Body {
  const char* method;
  const char* path;
  const char* valid;
};

const Body kRecommend = {"POST", "/v1/catalogs/go-backend/recommendations",
                         R"({"mastery": {"go-basic-syntax": 0.5}, "goals": {"rest-api": 1},
                             "k": 5, "profile": "default", "weights": {"w_cov": 1},
                             "kinds": ["topic"], "exclude": ["gin"], "include_blocked": false,
                             "explain": true})"};
const Body kPath = {"POST", "/v1/catalogs/go-backend/paths",
                    R"({"mastery": {"go-basic-syntax": 0.5}, "goals": {"rest-api": 1},
                        "hours_per_week": 10, "profile": "default",
                        "weights": {"w_cov": 1}})"};
const Body kTeam = {"POST", "/v1/catalogs/go-backend/team-matches",
                    R"({"members": [{"id": "ann", "mastery": {"gin": 0.9}}],
                        "goals": {"rest-api": 1}, "kind": "framework", "k": 3,
                        "profile": "default"})"};
const Body kLearner = {"PUT", "/v1/learners/hostile", R"({"catalog": "go-backend",
                                                          "goals": {"rest-api": 1}})"};
const Body kProgress = {"POST", "/v1/learners/ada/progress",
                        R"({"events": [{"item": "go-basic-syntax", "mastery": 0.5,
                                        "at": "2026-01-01T00:00:00Z", "id": "h1"}]})"};

enum class Type { kString, kNumber, kInteger, kBool, kObject, kArray };

// Five JSON values that are not of `type`.
std::vector<json> WrongValues(Type type) {
  switch (type) {
    case Type::kString:
      return {1, true, nullptr, json::array(), json::object()};
    case Type::kNumber:
      return {"0.5", true, nullptr, json::array(), json::object()};
    case Type::kInteger:
      return {1.5, "5", true, nullptr, json::array()};
    case Type::kBool:
      return {1, "true", nullptr, json::array(), json::object()};
    case Type::kObject:
      return {1, "x", json::array(), nullptr, true};
    case Type::kArray:
      return {json::object(), "x", 1, nullptr, true};
  }
  return {};
}

Case Make(const std::string& name, std::vector<std::string> pieces, Want want,
          const std::string& field = "", int status = 0, bool half_close = false) {
  return Case{name, std::move(pieces), want, field, status, half_close};
}

// The body's request with `text` as the body.
std::string Send(const Body& body, const std::string& text, const std::string& extra = "") {
  return Request(body.method, body.path, text, extra);
}

// The valid body with `pointer` set to `value`.
std::string With(const Body& body, const std::string& pointer, const json& value) {
  json doc = json::parse(body.valid);
  doc[json::json_pointer(pointer)] = value;
  return doc.dump();
}

// One case per wrong value of the field at `pointer`: a 400 naming it.
void WrongTypes(std::vector<Case>& cases, const Body& body, const std::string& pointer, Type type) {
  for (const json& value : WrongValues(type)) {
    cases.push_back(Make(std::string(body.path) + " " + pointer + " = " + value.dump(),
                         {Send(body, With(body, pointer, value))}, Want::kField, "body:" + pointer,
                         400));
  }
}

// A body of `depth` nested arrays as the value of "k".
std::string Nested(int depth) {
  return R"({"k": )" + std::string(depth, '[') + std::string(depth, ']') + "}";
}

std::string Chunked(const std::string& path, const std::string& chunks) {
  return "POST " + path +
         " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
         "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
         chunks;
}

std::string ManyEvents(int n) {
  std::string events;
  for (int i = 0; i < n; ++i)
    events += std::string(i ? "," : "") + R"({"item": "gin", "mastery": 0.5})";
  return R"({"events": [)" + events + "]}";
}

std::string NestedObjects(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{\"a\":";
  return text + "1" + std::string(depth, '}');
}

// `text` with bytes outside printable ASCII as \xHH (for case names).
std::string Printable(const std::string& text) {
  std::string out;
  for (unsigned char ch : text) {
    if (ch >= 0x20 && ch < 0x7f) {
      out += static_cast<char>(ch);
    } else {
      char hex[8];
      snprintf(hex, sizeof hex, "\\x%02x", ch);
      out += hex;
    }
  }
  return out.size() > 60 ? out.substr(0, 60) + "..." : out;
}

std::string Hex(size_t n) {
  char text[32];
  snprintf(text, sizeof text, "%zx", n);
  return text;
}

void BodyTypeCases(std::vector<Case>& c) {
  for (const char* p : {"/mastery", "/goals", "/weights"})
    WrongTypes(c, kRecommend, p, Type::kObject);
  for (const char* p : {"/mastery/go-basic-syntax", "/goals/rest-api", "/weights/w_cov"}) {
    WrongTypes(c, kRecommend, p, Type::kNumber);
  }
  WrongTypes(c, kRecommend, "/k", Type::kInteger);
  WrongTypes(c, kRecommend, "/profile", Type::kString);
  WrongTypes(c, kRecommend, "/kinds", Type::kArray);
  WrongTypes(c, kRecommend, "/kinds/0", Type::kString);
  WrongTypes(c, kRecommend, "/exclude", Type::kArray);
  WrongTypes(c, kRecommend, "/exclude/0", Type::kString);
  WrongTypes(c, kRecommend, "/include_blocked", Type::kBool);
  WrongTypes(c, kRecommend, "/explain", Type::kBool);

  for (const char* p : {"/mastery", "/goals", "/weights"}) WrongTypes(c, kPath, p, Type::kObject);
  for (const char* p :
       {"/mastery/go-basic-syntax", "/goals/rest-api", "/weights/w_cov", "/hours_per_week"}) {
    WrongTypes(c, kPath, p, Type::kNumber);
  }
  WrongTypes(c, kPath, "/profile", Type::kString);

  WrongTypes(c, kTeam, "/members", Type::kArray);
  WrongTypes(c, kTeam, "/members/0", Type::kObject);
  WrongTypes(c, kTeam, "/members/0/id", Type::kString);
  WrongTypes(c, kTeam, "/members/0/mastery", Type::kObject);
  WrongTypes(c, kTeam, "/members/0/mastery/gin", Type::kNumber);
  WrongTypes(c, kTeam, "/goals", Type::kObject);
  WrongTypes(c, kTeam, "/kind", Type::kString);
  WrongTypes(c, kTeam, "/k", Type::kInteger);
  WrongTypes(c, kTeam, "/profile", Type::kString);

  WrongTypes(c, kLearner, "/catalog", Type::kString);
  WrongTypes(c, kLearner, "/goals", Type::kObject);
  WrongTypes(c, kLearner, "/goals/rest-api", Type::kNumber);

  WrongTypes(c, kProgress, "/events", Type::kArray);
  WrongTypes(c, kProgress, "/events/0", Type::kObject);
  WrongTypes(c, kProgress, "/events/0/item", Type::kString);
  WrongTypes(c, kProgress, "/events/0/mastery", Type::kNumber);
  WrongTypes(c, kProgress, "/events/0/at", Type::kString);
  WrongTypes(c, kProgress, "/events/0/id", Type::kString);
}

void BodyValueCases(std::vector<Case>& c) {
  const Want F = Want::kField;
  c.push_back(Make("k 0", {Send(kRecommend, With(kRecommend, "/k", 0))}, F, "body:/k", 422));
  c.push_back(Make("k -1", {Send(kRecommend, With(kRecommend, "/k", -1))}, F, "body:/k", 422));
  c.push_back(Make("k 101", {Send(kRecommend, With(kRecommend, "/k", 101))}, F, "body:/k", 422));
  c.push_back(Make("k 1e308", {Send(kRecommend, R"({"k": 1e308})")}, F, "body:/k"));
  c.push_back(Make("k 2^70", {Send(kRecommend, R"({"k": 1180591620717411303424})")}, Want::kProblem,
                   "", 400));
  c.push_back(Make("k -2^70", {Send(kRecommend, R"({"k": -1180591620717411303424})")},
                   Want::kProblem, "", 400));
  c.push_back(Make("team k 0", {Send(kTeam, With(kTeam, "/k", 0))}, F, "body:/k", 422));
  c.push_back(Make("mastery 1.0000001",
                   {Send(kRecommend, With(kRecommend, "/mastery/go-basic-syntax", 1.0000001))}, F,
                   "body:/mastery/go-basic-syntax", 422));
  c.push_back(Make("mastery -1e-300",
                   {Send(kRecommend, R"({"mastery": {"go-basic-syntax": -1e-300}})")}, F,
                   "body:/mastery/go-basic-syntax", 422));
  c.push_back(Make("mastery 1e308",
                   {Send(kRecommend, R"({"mastery": {"go-basic-syntax": 1e308}})")}, F,
                   "body:/mastery/go-basic-syntax", 422));
  c.push_back(Make("member mastery 7", {Send(kTeam, With(kTeam, "/members/0/mastery/gin", 7))}, F,
                   "body:/members/0/mastery/gin", 422));
  c.push_back(Make("goal weight 0", {Send(kRecommend, With(kRecommend, "/goals/rest-api", 0))}, F,
                   "body:/goals/rest-api", 422));
  c.push_back(Make("goal weight -1", {Send(kPath, With(kPath, "/goals/rest-api", -1))}, F,
                   "body:/goals/rest-api", 422));
  c.push_back(Make("goal weight 1e300",
                   {Send(kRecommend, With(kRecommend, "/goals/rest-api", 1e300))}, F,
                   "body:/goals/rest-api", 422));
  c.push_back(Make("learner goal weight 0", {Send(kLearner, With(kLearner, "/goals/rest-api", 0))},
                   F, "body:/goals/rest-api", 422));
  c.push_back(Make("hours_per_week 0", {Send(kPath, With(kPath, "/hours_per_week", 0))}, F,
                   "body:/hours_per_week", 422));
  c.push_back(Make("hours_per_week -5", {Send(kPath, With(kPath, "/hours_per_week", -5))}, F,
                   "body:/hours_per_week", 422));
  c.push_back(Make("hours_per_week 1e308", {Send(kPath, With(kPath, "/hours_per_week", 1e308))}, F,
                   "body:/hours_per_week", 422));
  c.push_back(Make("event mastery 2", {Send(kProgress, With(kProgress, "/events/0/mastery", 2))}, F,
                   "body:/events/0/mastery", 422));
  c.push_back(Make("event mastery -0.5",
                   {Send(kProgress, With(kProgress, "/events/0/mastery", -0.5))}, F,
                   "body:/events/0/mastery", 422));
  c.push_back(Make("unknown member", {Send(kRecommend, R"({"kk": 1})")}, F, "body:/kk", 400));
  c.push_back(Make("unknown path member", {Send(kPath, R"({"k": 1})")}, F, "body:/k", 400));
  c.push_back(Make("unknown learner member",
                   {Send(kLearner, R"({"catalog": "go-backend", "mastery": {}})")}, F,
                   "body:/mastery", 400));
  c.push_back(Make("unknown nested member",
                   {Send(kProgress, R"({"events": [{"item": "gin", "mastery": 1, "x": 1}]})")}, F,
                   "body:/events/0/x", 400));
  c.push_back(Make("unknown member field",
                   {Send(kTeam, R"({"members": [{"id": "a", "role": "x"}]})")}, F,
                   "body:/members/0/role", 400));
  c.push_back(Make("unknown item in mastery", {Send(kRecommend, R"({"mastery": {"nope": 0.5}})")},
                   F, "body:/mastery/nope", 422));
  c.push_back(Make("unknown goal", {Send(kRecommend, R"({"goals": {"nope": 1}})")}, F,
                   "body:/goals/nope", 422));
  c.push_back(Make("unknown learner goal",
                   {Send(kLearner, R"({"catalog": "go-backend", "goals": {"nope": 1}})")}, F,
                   "body:/goals/nope", 422));
  c.push_back(Make("unknown excluded item", {Send(kRecommend, R"({"exclude": ["nope"]})")}, F,
                   "body:/exclude/0", 422));
  c.push_back(
      Make("unknown kind", {Send(kRecommend, R"({"kinds": ["nope"]})")}, F, "body:/kinds/0", 422));
  c.push_back(Make("unknown profile", {Send(kRecommend, R"({"profile": "nope"})")}, F,
                   "body:/profile", 422));
  c.push_back(Make("unknown path profile", {Send(kPath, R"({"profile": "../../etc/passwd"})")}, F,
                   "body:/profile", 422));
  c.push_back(Make("unknown weight", {Send(kRecommend, R"({"weights": {"nope": 1}})")}, F,
                   "body:/weights/nope"));
  c.push_back(
      Make("unknown team kind", {Send(kTeam, With(kTeam, "/kind", "nope"))}, F, "body:/kind", 422));
  c.push_back(Make("no team members", {Send(kTeam, With(kTeam, "/members", json::array()))}, F,
                   "body:/members"));
  c.push_back(Make("unknown event item",
                   {Send(kProgress, With(kProgress, "/events/0/item", "nope"))}, F,
                   "body:/events/0/item", 422));
  c.push_back(Make("event item ../x", {Send(kProgress, With(kProgress, "/events/0/item", "../x"))},
                   F, "body:/events/0/item"));
  c.push_back(Make("unknown learner catalog", {Send(kLearner, With(kLearner, "/catalog", "nope"))},
                   F, "body:/catalog", 422));
  c.push_back(Make("learner catalog ../..", {Send(kLearner, With(kLearner, "/catalog", "../.."))},
                   F, "body:/catalog"));
  c.push_back(Make("event at not a time",
                   {Send(kProgress, With(kProgress, "/events/0/at", "yesterday"))}, F,
                   "body:/events/0/at"));
  c.push_back(Make("event at month 13",
                   {Send(kProgress, With(kProgress, "/events/0/at", "2026-13-45T99:99:99Z"))}, F,
                   "body:/events/0/at"));
  c.push_back(Make("event at empty", {Send(kProgress, With(kProgress, "/events/0/at", ""))}, F,
                   "body:/events/0/at"));
  c.push_back(Make("event id 257 chars",
                   {Send(kProgress, With(kProgress, "/events/0/id", std::string(257, 'i')))}, F,
                   "body:/events/0/id"));
  c.push_back(Make("1001 events", {Send(kProgress, ManyEvents(1001))}, F, "body:/events", 422));
  c.push_back(Make("missing events", {Send(kProgress, "{}")}, F, "body:/events"));
  c.push_back(Make("missing event mastery", {Send(kProgress, R"({"events": [{"item": "gin"}]})")},
                   F, "body:/events/0/mastery"));
  c.push_back(Make("missing catalog", {Send(kLearner, "{}")}, F, "body:/catalog"));
  c.push_back(
      Make("missing member id", {Send(kTeam, R"({"members": [{}]})")}, F, "body:/members/0/id"));
  c.push_back(Make("missing members", {Send(kTeam, "{}")}, F, "body:/members"));
  c.push_back(Make("duplicate key", {Send(kRecommend, R"({"k": 1, "k": 2})")}, F, "body:/k", 400));
  c.push_back(Make("duplicate mastery key",
                   {Send(kRecommend, R"({"mastery": {"gin": 0.1, "gin": 0.2}})")}, F,
                   "body:/mastery/gin", 400));
  c.push_back(
      Make("duplicate event key",
           {Send(kProgress, R"({"events": [{"item": "gin", "item": "gin", "mastery": 1}]})")}, F,
           "body:/events/0/item", 400));
  c.push_back(Make("duplicate catalog key",
                   {Send(kLearner, R"({"catalog": "go-backend", "catalog": "go-backend"})")}, F,
                   "body:/catalog", 400));
  c.push_back(Make("duplicate members key",
                   {Send(kTeam, R"({"members": [{"id": "a"}], "members": [{"id": "b"}]})")}, F,
                   "body:/members", 400));
  c.push_back(Make("escaped NUL in profile", {Send(kRecommend, R"({"profile": "a\u0000b"})")}, F,
                   "body:/profile", 422));
  c.push_back(Make("escaped NUL in item",
                   {Send(kProgress, R"({"events": [{"item": "gin\u0000", "mastery": 1}]})")}, F,
                   "body:/events/0/item", 422));
  c.push_back(Make("escaped NUL in catalog", {Send(kLearner, R"({"catalog": "\u0000"})")}, F,
                   "body:/catalog", 422));
  c.push_back(Make("escaped NUL in mastery key",
                   {Send(kRecommend, R"({"mastery": {"gin\u0000": 1}})")}, F,
                   std::string("body:/mastery/gin\0", 18)));
  c.push_back(Make("500 KB profile",
                   {Send(kRecommend, R"({"profile": ")" + std::string(500000, 'p') + R"("})")}, F,
                   "body:/profile", 422));
  c.push_back(Make("lone surrogate escape", {Send(kRecommend, R"({"profile": "\ud800"})")},
                   Want::kProblem));
}

// Bodies that are not JSON objects or not JSON at all: 400 naming the body.
void SyntaxCases(std::vector<Case>& c) {
  const Want P = Want::kProblem;
  for (const char* text : {"",
                           "hello",
                           "[]",
                           "\"text\"",
                           "42",
                           "null",
                           "{\"k\": ",
                           "{\"k\": 5} xyz",
                           "{\"k\": 5}{\"k\": 6}",
                           "{'k': 5}",
                           "{\"k\": 05}",
                           "{\"k\": .5}",
                           "{\"k\": 1e309}",
                           "{\"k\": -1e309}",
                           "{\"k\": NaN}",
                           "{\"k\": Infinity}",
                           "{\"k\": -Infinity}",
                           "{\"k\": 0x10}",
                           "{\"k\": +1}",
                           "{k: 5}",
                           "{\"k\": 5,}",
                           "\xef\xbb\xbf{\"k\": 5}",
                           "{\"profile\": \"\\x41\"}"}) {
    c.push_back(
        Make(std::string("not JSON: ") + Printable(text), {Send(kRecommend, text)}, P, "", 400));
  }
  const std::string bad_bytes[] = {"{\"profile\": \"\xff\"}",
                                   "{\"\xfe\": 1}",
                                   "{\"profile\": \"\xc0\xaf\"}",
                                   "{\"profile\": \"\xed\xa0\x80\"}",
                                   "{\"profile\": \"\x80\"}",
                                   "{\"profile\": \"\xf8\x88\x80\x80\x80\"}",
                                   "{\"profile\": \"a\x01 b\"}",
                                   "{\"profile\": \"a\x1f b\"}",
                                   "{\"profile\": \"a\tb\"}",
                                   "{\"profile\": \"a\nb\"}",
                                   std::string("{\"profile\": \"a\0b\"}", 17),
                                   std::string("{\"k\": 5}\0", 9),
                                   std::string("\0{\"k\": 5}", 9)};
  for (const std::string& text : bad_bytes) {
    c.push_back(Make("bad bytes: " + Printable(text), {Send(kRecommend, text)}, P, "", 400));
  }
  c.push_back(Make("progress invalid UTF-8 item",
                   {Send(kProgress, "{\"events\": [{\"item\": \"\xff\", \"mastery\": 1}]}")}, P, "",
                   400));
  c.push_back(Make("learner invalid UTF-8 catalog", {Send(kLearner, "{\"catalog\": \"\xc3\"}")}, P,
                   "", 400));
  c.push_back(Make("team control char id", {Send(kTeam, "{\"members\": [{\"id\": \"a\x02\"}]}")}, P,
                   "", 400));
  c.push_back(Make("nested 1000", {Send(kRecommend, Nested(1000))}, P, "", 400));
  c.push_back(Make("nested 100000", {Send(kRecommend, Nested(100000))}, P, "", 400));
  c.push_back(Make("nested objects 50000", {Send(kRecommend, NestedObjects(50000))}, P, "", 400));
  c.push_back(Make("nested in progress",
                   {Send(kProgress, R"({"events": )" + std::string(100000, '[') +
                                        std::string(100000, ']') + "}")},
                   P, "", 400));
  c.push_back(Make("unclosed nesting", {Send(kProgress, std::string(200000, '['))}, P, "", 400));
  c.push_back(Make("body over 1 MiB",
                   {Send(kRecommend, R"({"profile": ")" + std::string(2 << 20, 'p') + R"("})")},
                   Want::kRejected, "", 413));
}

// Ids and queries: `..`, %2F, NUL, invalid UTF-8, huge and out-of-range values.
void PathCases(std::vector<Case>& c) {
  const Want F = Want::kField, P = Want::kProblem;
  c.push_back(Make("learner ..", {Request("GET", "/v1/learners/%2E%2E")}, F, "path:/lid", 400));
  c.push_back(
      Make("learner ../.. %2F", {Request("GET", "/v1/learners/..%2F..%2Fetc%2Fpasswd")}, P));
  c.push_back(Make("learner ..%2f lower", {Request("GET", "/v1/learners/..%2fx")}, P));
  c.push_back(Make("learner %00", {Request("GET", "/v1/learners/a%00b")}, F, "path:/lid", 400));
  c.push_back(Make("learner %FF", {Request("GET", "/v1/learners/%FF")}, F, "path:/lid", 400));
  c.push_back(Make("learner uppercase", {Request("GET", "/v1/learners/ADA")}, F, "path:/lid", 400));
  c.push_back(Make("learner 129 chars", {Request("GET", "/v1/learners/" + std::string(129, 'a'))},
                   F, "path:/lid", 400));
  c.push_back(Make("learner space", {Request("GET", "/v1/learners/a%20b")}, F, "path:/lid", 400));
  c.push_back(
      Make("learner unknown", {Request("GET", "/v1/learners/nobody")}, F, "path:/lid", 404));
  c.push_back(Make("put learner ..", {Request("PUT", "/v1/learners/%2E%2E", kLearner.valid)}, F,
                   "path:/lid", 400));
  c.push_back(
      Make("put learner %2F", {Request("PUT", "/v1/learners/..%2Fescape", kLearner.valid)}, P));
  c.push_back(
      Make("delete learner ..", {Request("DELETE", "/v1/learners/%2E%2E")}, F, "path:/lid", 400));
  c.push_back(Make("delete learner unknown", {Request("DELETE", "/v1/learners/nobody")}, F,
                   "path:/lid", 404));
  c.push_back(Make("progress learner ..",
                   {Request("POST", "/v1/learners/%2E%2E/progress", kProgress.valid)}, F,
                   "path:/lid", 400));
  c.push_back(Make("progress learner unknown",
                   {Request("POST", "/v1/learners/nobody/progress", kProgress.valid)}, F,
                   "path:/lid", 404));
  c.push_back(Make("learner recs unknown", {Request("GET", "/v1/learners/nobody/recommendations")},
                   F, "path:/lid", 404));
  c.push_back(Make("learner path unknown", {Request("GET", "/v1/learners/nobody/path")}, F,
                   "path:/lid", 404));
  c.push_back(
      Make("learner path ..", {Request("GET", "/v1/learners/%2E%2E/path")}, F, "path:/lid", 400));
  c.push_back(Make("learner history unknown", {Request("GET", "/v1/learners/nobody/progress")}, F,
                   "path:/lid", 404));
  c.push_back(Make("learner history ..", {Request("GET", "/v1/learners/%2E%2E/progress")}, F,
                   "path:/lid", 400));
  for (const char* q : {"limit=abc", "limit=0", "limit=10001", "limit=99999999999999999999",
                        "limit=", "limit=1e3"}) {
    c.push_back(Make(std::string("learner history ") + q,
                     {Request("GET", std::string("/v1/learners/ada/progress?") + q)}, F,
                     "query:/limit"));
  }
  for (const char* q :
       {"k=abc", "k=1e309", "k=-1", "k=0", "k=99999999999999999999", "k=", "k=5%00"}) {
    c.push_back(Make(std::string("learner recs ") + q,
                     {Request("GET", std::string("/v1/learners/ada/recommendations?") + q)}, F,
                     "query:/k"));
  }
  for (const char* q : {"explain=maybe", "explain=2"})
    c.push_back(Make(std::string("learner recs ") + q,
                     {Request("GET", std::string("/v1/learners/ada/recommendations?") + q)}, F,
                     "query:/explain"));
  c.push_back(Make("learner recs include_blocked=x",
                   {Request("GET", "/v1/learners/ada/recommendations?include_blocked=x")}, F,
                   "query:/include_blocked"));
  c.push_back(Make("learner recs kinds=bad",
                   {Request("GET", "/v1/learners/ada/recommendations?kinds=bad")}, P));
  c.push_back(Make("learner recs profile=..",
                   {Request("GET", "/v1/learners/ada/recommendations?profile=..%2F..")}, P));
  for (const char* q : {"hours_per_week=NaN", "hours_per_week=inf", "hours_per_week=-1",
                        "hours_per_week=0", "hours_per_week=1e309", "hours_per_week=abc"}) {
    c.push_back(Make(std::string("learner path ") + q,
                     {Request("GET", std::string("/v1/learners/ada/path?") + q)}, F,
                     "query:/hours_per_week"));
  }
  c.push_back(Make("catalog ..", {Request("GET", "/v1/catalogs/%2E%2E")}, P));
  c.push_back(Make("catalog ../.. %2F", {Request("GET", "/v1/catalogs/..%2F..%2Fetc")}, P));
  c.push_back(Make("catalog unknown", {Request("GET", "/v1/catalogs/nope")}, F, "path:/cid", 404));
  c.push_back(Make("catalog %00", {Request("GET", "/v1/catalogs/go%00")}, P));
  c.push_back(Make("catalog 100 KB id",
                   {Request("GET", "/v1/catalogs/" + std::string(100000, 'c') + "/goals")},
                   Want::kRejected));
  c.push_back(Make("goals unknown catalog", {Request("GET", "/v1/catalogs/nope/goals")}, F,
                   "path:/cid", 404));
  c.push_back(Make("items unknown catalog", {Request("GET", "/v1/catalogs/nope/items")}, F,
                   "path:/cid", 404));
  c.push_back(Make("recommend unknown catalog",
                   {Request("POST", "/v1/catalogs/nope/recommendations", "{}")}, F, "path:/cid",
                   404));
  c.push_back(
      Make("paths unknown catalog", {Request("POST", "/v1/catalogs/..%2F/paths", "{}")}, P));
  c.push_back(Make("team unknown catalog",
                   {Request("POST", "/v1/catalogs/%2E%2E/team-matches", kTeam.valid)}, P));
  c.push_back(
      Make("item unknown", {Request("GET", "/v1/catalogs/go-backend/items/nope")}, P, "", 404));
  c.push_back(Make("item ../..", {Request("GET", "/v1/catalogs/go-backend/items/..%2F..%2Fx")}, P));
  c.push_back(Make("item %00", {Request("GET", "/v1/catalogs/go-backend/items/%00")}, P));
  c.push_back(Make("item %FF%FE", {Request("GET", "/v1/catalogs/go-backend/items/%FF%FE")}, P));
  for (const char* q : {"limit=abc", "limit=-1", "limit=0", "limit=1e309", "limit=99999999999",
                        "limit=1001", "limit=5.5"}) {
    c.push_back(Make(std::string("items ") + q,
                     {Request("GET", std::string("/v1/catalogs/go-backend/items?") + q)}, F,
                     "query:/limit"));
  }
  for (const char* q :
       {"offset=-1", "offset=abc", "offset=1e30", "offset=99999999999999999999999"}) {
    c.push_back(Make(std::string("items ") + q,
                     {Request("GET", std::string("/v1/catalogs/go-backend/items?") + q)}, F,
                     "query:/offset"));
  }
  c.push_back(Make("items kind=bad", {Request("GET", "/v1/catalogs/go-backend/items?kind=bad")}, F,
                   "query:/kind"));
  c.push_back(Make("items q=%FF", {Request("GET", "/v1/catalogs/go-backend/items?q=%FF%00")},
                   Want::kNoServerError));
  c.push_back(Make("items stage=%00", {Request("GET", "/v1/catalogs/go-backend/items?stage=%00")},
                   Want::kNoServerError));
  c.push_back(Make("items bad percent", {Request("GET", "/v1/catalogs/go-backend/items?limit=%ZZ")},
                   Want::kNoServerError));
  c.push_back(Make("no route", {Request("GET", "/v1/nothing")}, P, "", 404));
  c.push_back(Make("wrong method", {Request("DELETE", "/v1/catalogs")}, P, "", 405));
  c.push_back(
      Make("wrong method on learner", {Request("PATCH", "/v1/learners/ada", "{}")}, P, "", 405));
  c.push_back(Make("unknown method", {Request("BREW", "/healthz")}, Want::kRejected));
  c.push_back(Make("plugins with garbage query", {Request("GET", "/v1/plugins?%%%=&&=")},
                   Want::kNoServerError));
  c.push_back(Make("reload with a garbage body", {Request("POST", "/v1/admin/reload", "{\xff")},
                   Want::kNoServerError));
  c.push_back(
      Make("metrics with a body", {Request("GET", "/metrics", "{}")}, Want::kNoServerError));
  c.push_back(Make("openapi with a query", {Request("GET", "/openapi.json?../../x")},
                   Want::kNoServerError));
  c.push_back(Make("readyz %2F", {Request("GET", "/readyz%2F..")}, P, "", 404));
}

// The HTTP layer: headers, chunking, pipelines, garbage, half-closed sockets.
void ProtocolCases(std::vector<Case>& c) {
  const Want R = Want::kRejected, N = Want::kNoServerError;
  const std::string healthz = Request("GET", "/healthz");
  const std::string keep = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  c.push_back(Make("100 KB header",
                   {Request("GET", "/healthz", "", "X-Big: " + std::string(100000, 'h') + "\r\n")},
                   R));
  c.push_back(Make("100 KB header name",
                   {Request("GET", "/healthz", "", std::string(100000, 'H') + ": x\r\n")}, R));
  c.push_back(Make("2000 headers",
                   {Request("GET", "/healthz", "",
                            [] {
                              std::string h;
                              for (int i = 0; i < 2000; ++i)
                                h += "X-H" + std::to_string(i) + ": v\r\n";
                              return h;
                            }())},
                   N));
  c.push_back(Make("100 KB URI", {Request("GET", "/healthz?" + std::string(100000, 'q'))}, R));
  c.push_back(
      Make("100 KB learner id", {Request("GET", "/v1/learners/" + std::string(100000, 'a'))}, R));
  c.push_back(
      Make("header without colon",
           {"GET /healthz HTTP/1.1\r\nHost: x\r\nno colon here\r\nConnection: close\r\n\r\n"}, N));
  c.push_back(
      Make("NUL in header value",
           {std::string(
               "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\nConnection: close\r\n\r\n", 63)},
           N));
  c.push_back(Make(
      "NUL in request line",
      {std::string("GET /heal\0thz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 54)}, R));
  c.push_back(Make("control chars in X-Request-Id",
                   {Request("GET", "/healthz", "", "X-Request-Id: \x01\x02\x7f\r\n")}, N));
  c.push_back(Make("Content-Length abc",
                   {"POST " + std::string(kRecommend.path) +
                    " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    "abc\r\nConnection: close\r\n\r\n{}"},
                   R, "", 0, true));
  c.push_back(Make("Content-Length -1",
                   {"POST " + std::string(kRecommend.path) +
                    " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    "-1\r\nConnection: close\r\n\r\n{}"},
                   R, "", 0, true));
  c.push_back(Make("Content-Length 2^64",
                   {"POST " + std::string(kRecommend.path) +
                    " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    "18446744073709551617\r\nConnection: close\r\n\r\n{}"},
                   R, "", 0, true));
  c.push_back(Make("Content-Length over the limit",
                   {"POST " + std::string(kRecommend.path) +
                    " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    "99999999999\r\nConnection: close\r\n\r\n{}"},
                   R, "", 0, true));
  c.push_back(Make("body shorter than Content-Length, half-closed",
                   {"POST " + std::string(kRecommend.path) +
                    " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    "100\r\nConnection: close\r\n\r\n{\"k\""},
                   R, "", 0, true));
  c.push_back(Make("chunked body, wrong type",
                   {Chunked(kRecommend.path, "4\r\n{\"k\"\r\n6\r\n: \"x\"}\r\n0\r\n\r\n")},
                   Want::kField, "body:/k", 400));
  c.push_back(Make("chunked body, deep nesting",
                   {Chunked(kRecommend.path, Hex(200000) + "\r\n" + std::string(100000, '[') +
                                                 std::string(100000, ']') + "\r\n0\r\n\r\n")},
                   Want::kProblem, "", 400));
  c.push_back(Make("chunked body, bad size", {Chunked(kRecommend.path, "zz\r\n{}\r\n0\r\n\r\n")}, R,
                   "", 0, true));
  c.push_back(Make("chunked body, huge size",
                   {Chunked(kRecommend.path, "ffffffffffffffff\r\n{}\r\n0\r\n\r\n")}, R, "", 0,
                   true));
  c.push_back(Make("chunked body, no end, half-closed", {Chunked(kRecommend.path, "2\r\n{}\r\n")},
                   R, "", 0, true));
  c.push_back(Make("chunked body over 1 MiB",
                   {Chunked(kRecommend.path,
                            [] {
                              std::string s;
                              for (int i = 0; i < 40; ++i)
                                s += Hex(65536) + "\r\n" + std::string(65536, ' ') + "\r\n";
                              return s + "0\r\n\r\n";
                            }())},
                   R));
  c.push_back(
      Make("chunked and Content-Length",
           {"POST " + std::string(kRecommend.path) +
            " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
            "2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n"},
           N));
  c.push_back(Make("Transfer-Encoding gzip",
                   {"POST " + std::string(kRecommend.path) +
                    " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: "
                    "gzip\r\nConnection: close\r\n\r\n\x1f\x8b"},
                   N, "", 0, true));
  c.push_back(Make("pipelined garbage",
                   {keep + "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 garbage\r\n\r\n"},
                   Want::kOkThenRejected));
  c.push_back(Make("three pipelined, then garbage",
                   {keep + keep + keep + "NOT HTTP AT ALL\r\n\r\n"}, Want::kOkThenRejected));
  c.push_back(Make("pipelined then a bad body", {keep + Send(kRecommend, "{\"k\": \"x\"}")},
                   Want::kOkThenRejected));
  c.push_back(
      Make("pipelined then half-closed mid-request", {keep + "GET /v1/cat"}, N, "", 0, true));
  c.push_back(Make(
      "TLS ClientHello",
      {std::string("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", 11) + std::string(160, '\x01')},
      R, "", 0, true));
  c.push_back(Make("binary garbage", {[] {
                     std::string s;
                     for (int i = 0; i < 4096; ++i) s += static_cast<char>((i * 7919) & 0xff);
                     return s;
                   }()},
                   R, "", 0, true));
  c.push_back(
      Make("HTTP/9.9", {"GET /healthz HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n"}, N));
  c.push_back(Make("HTTP/0.9 request line", {"GET /healthz\r\n\r\n"}, R, "", 0, true));
  c.push_back(Make("lowercase method",
                   {"get /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"}, R));
  c.push_back(Make(
      "absolute URI with ..",
      {"GET http://127.0.0.1/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"},
      R));
  c.push_back(Make(
      "raw .. in path",
      {"GET /v1/learners/../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"},
      R));
  c.push_back(Make("only blank lines, half-closed", {"\r\n\r\n\r\n\r\n"}, R, "", 0, true));
  c.push_back(Make("half-closed mid request line", {"GET /hea"}, R, "", 0, true));
  c.push_back(
      Make("half-closed mid headers", {"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A"}, R, "", 0, true));
  c.push_back(Make("half-closed after a full request", {healthz}, N, "", 0, true));
  // cpp-httplib answers a request whose client half-closed after it, or
  // closes without an answer (both seen): either is fine, a 5xx is not.
  c.push_back(
      Make("half-closed after a full POST", {Send(kRecommend, kRecommend.valid)}, N, "", 0, true));
  c.push_back(Make(
      "request in 1-byte pieces",
      [&] {
        std::vector<std::string> p;
        for (char ch : healthz) p.emplace_back(1, ch);
        return p;
      }(),
      Want::kOk));
  c.push_back(Make("Expect: 100-continue",
                   {Send(kRecommend, kRecommend.valid, "Expect: 100-continue\r\n")}, N));
  c.push_back(Make("huge Authorization",
                   {Request("GET", "/v1/catalogs", "",
                            "Authorization: Bearer " + std::string(60000, 'k') + "\r\n")},
                   N));
}

}  // namespace

std::vector<Case> HostileCases() {
  std::vector<Case> cases;
  // The valid bodies every mutation starts from are accepted.
  for (const Body* b : {&kRecommend, &kPath, &kTeam, &kLearner, &kProgress}) {
    cases.push_back(
        Make(std::string("valid ") + b->method + " " + b->path, {Send(*b, b->valid)}, Want::kOk));
  }
  BodyTypeCases(cases);
  BodyValueCases(cases);
  SyntaxCases(cases);
  PathCases(cases);
  ProtocolCases(cases);
  return cases;
}

}  // namespace pathrank::testing
