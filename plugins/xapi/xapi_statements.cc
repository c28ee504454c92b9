#include "xapi_statements.h"

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "../common/plugin_config.h"
#include "../common/plugin_kit.h"

namespace pathrank::plugin {

namespace {

using nlohmann::json;

// A malformed statement: the JSON pointer of the field (within the
// statement) and the reason.
struct Malformed {
  std::string field;
  std::string reason;
};

[[noreturn]] void Bad(std::string field, std::string reason) {
  throw Malformed{std::move(field), std::move(reason)};
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsHex(std::string_view s) {
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// 8-4-4-4-12 hexadecimal digits.
bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i : {8u, 13u, 18u, 23u}) {
    if (s[i] != '-') return false;
  }
  return IsHex(s.substr(0, 8)) && IsHex(s.substr(9, 4)) && IsHex(s.substr(14, 4)) &&
         IsHex(s.substr(19, 4)) && IsHex(s.substr(24, 12));
}

// An ISO 8601 date-time as xAPI uses it: YYYY-MM-DDThh:mm[:ss[.f]][zone].
bool IsTimestamp(std::string_view s) {
  const char* shape = "dddd-dd-ddTdd:dd";
  if (s.size() < 16) return false;
  for (size_t i = 0; i < 16; ++i) {
    const bool digit = std::isdigit(static_cast<unsigned char>(s[i])) != 0;
    if (shape[i] == 'd' ? !digit : s[i] != shape[i]) return false;
  }
  for (char c : s.substr(16)) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.' && c != 'Z' &&
        c != '+' && c != '-') {
      return false;
    }
  }
  return true;
}

const json* Find(const json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string NeedString(const json& object, const char* key, const std::string& at) {
  const json* v = Find(object, key);
  if (v == nullptr) Bad(at + "/" + key, "missing");
  if (!v->is_string() || v->get<std::string>().empty()) {
    Bad(at + "/" + key, "expected a non-empty string");
  }
  return v->get<std::string>();
}

const json& NeedObject(const json& object, const char* key, const std::string& at) {
  const json* v = Find(object, key);
  if (v == nullptr) Bad(at + "/" + key, "missing");
  if (!v->is_object()) Bad(at + "/" + key, "expected an object");
  return *v;
}

struct Parsed {
  size_t index = 0;
  std::string id;  // lower-cased
  bool voiding = false;
  std::string target;  // the voided statement's id (voiding only)
  std::string skip;    // why it carries no progress ("" = it may)
  std::string learner, activity, verb, at;
  ResultEvidence result;
};

// The learner id of the actor; "" with `*skip` set for actors that are no
// learner of ours.
std::string ReadActor(const json& s, const XapiOptions& o, std::string* skip) {
  const json& actor = NeedObject(s, "actor", "");
  std::string type = "Agent";
  if (const json* t = Find(actor, "objectType")) {
    type = t->is_string() ? t->get<std::string>() : "";
    if (type != "Agent" && type != "Group") Bad("/actor/objectType", "expected Agent or Group");
  }
  if (type == "Group") {
    *skip = "the actor is a Group";
    return "";
  }
  int found = 0;
  for (const char* ifi : {"mbox", "mbox_sha1sum", "openid", "account"})
    found += Find(actor, ifi) != nullptr;
  if (found != 1) {
    Bad("/actor", "exactly one of mbox, mbox_sha1sum, openid, account is required, found " +
                      std::to_string(found));
  }
  if (Find(actor, "mbox")) {
    const std::string mbox = NeedString(actor, "mbox", "/actor");
    if (mbox.rfind("mailto:", 0) != 0 || mbox.find('@') == std::string::npos) {
      Bad("/actor/mbox", "expected a mailto: IRI, got \"" + mbox + "\"");
    }
    return mbox;
  }
  if (Find(actor, "mbox_sha1sum")) {
    const std::string sum = NeedString(actor, "mbox_sha1sum", "/actor");
    if (sum.size() != 40 || !IsHex(sum))
      Bad("/actor/mbox_sha1sum", "expected 40 hexadecimal digits");
    return "sha1:" + Lower(sum);
  }
  if (Find(actor, "openid")) {
    const std::string openid = NeedString(actor, "openid", "/actor");
    if (openid.find(':') == std::string::npos) Bad("/actor/openid", "expected a URI");
    return openid;
  }
  const json& account = NeedObject(actor, "account", "/actor");
  const std::string home = NeedString(account, "homePage", "/actor/account");
  const std::string name = NeedString(account, "name", "/actor/account");
  if (!o.account_home_page.empty() && home != o.account_home_page) {
    *skip = "an account of another homePage than account_home_page";
    return "";
  }
  return name;
}

// result.score and the flags, checked as the specification says.
ResultEvidence ReadResult(const json& s) {
  ResultEvidence out;
  const json* result = Find(s, "result");
  if (result == nullptr) return out;
  if (!result->is_object()) Bad("/result", "expected an object");
  for (const char* flag : {"success", "completion"}) {
    const json* v = Find(*result, flag);
    if (v == nullptr) continue;
    if (!v->is_boolean()) Bad(std::string("/result/") + flag, "expected true or false");
    (std::string(flag) == "success" ? out.success : out.completion) = v->get<bool>();
  }
  const json* score = Find(*result, "score");
  if (score == nullptr) return out;
  if (!score->is_object()) Bad("/result/score", "expected an object");
  std::map<std::string, double> n;
  for (const char* key : {"scaled", "raw", "min", "max"}) {
    const json* v = Find(*score, key);
    if (v == nullptr) continue;
    if (!v->is_number()) Bad(std::string("/result/score/") + key, "expected a number");
    n[key] = v->get<double>();
  }
  if (n.count("scaled") && (n["scaled"] < -1 || n["scaled"] > 1)) {
    Bad("/result/score/scaled", "must be in [-1, 1]");
  }
  if (n.count("min") && n.count("max") && !(n["min"] < n["max"])) {
    Bad("/result/score/max", "must be greater than min");
  }
  if (n.count("raw") &&
      ((n.count("min") && n["raw"] < n["min"]) || (n.count("max") && n["raw"] > n["max"]))) {
    Bad("/result/score/raw", "must lie between min and max");
  }
  if (n.count("scaled")) {
    out.scaled = n["scaled"];
  } else if (n.count("raw") && n.count("min") && n.count("max")) {
    out.scaled = (n["raw"] - n["min"]) / (n["max"] - n["min"]);
  }
  return out;
}

Parsed ParseStatement(const json& s, size_t index, const XapiOptions& o) {
  if (!s.is_object()) Bad("", "expected a statement object");
  Parsed p;
  p.index = index;
  const json* id = Find(s, "id");
  if (id == nullptr) Bad("/id", "missing (the statement id is the idempotency key)");
  if (!id->is_string() || !IsUuid(id->get<std::string>())) Bad("/id", "expected a UUID");
  p.id = Lower(id->get<std::string>());
  p.learner = ReadActor(s, o, &p.skip);
  p.verb = NeedString(NeedObject(s, "verb", ""), "id", "/verb");
  if (p.verb.find(':') == std::string::npos) Bad("/verb/id", "expected an IRI");
  const json& object = NeedObject(s, "object", "");
  std::string type = "Activity";
  if (const json* t = Find(object, "objectType")) {
    if (!t->is_string()) Bad("/object/objectType", "expected a string");
    type = t->get<std::string>();
  }
  p.voiding = p.verb == kVoidedVerb;
  if (p.voiding && type != "StatementRef") {
    Bad("/object/objectType", "a voiding statement's object must be a StatementRef");
  }
  if (type == "Activity") {
    p.activity = NeedString(object, "id", "/object");
    if (p.activity.find(':') == std::string::npos) Bad("/object/id", "expected an IRI");
  } else if (type == "StatementRef") {
    const std::string target = NeedString(object, "id", "/object");
    if (!IsUuid(target)) Bad("/object/id", "expected a UUID");
    p.target = Lower(target);
    if (p.skip.empty()) p.skip = "the object is a StatementRef";
  } else if (type == "Agent" || type == "Group" || type == "SubStatement") {
    if (p.skip.empty()) p.skip = "the object is not an Activity";
  } else {
    Bad("/object/objectType", "unknown objectType \"" + type + "\"");
  }
  p.result = ReadResult(s);
  for (const char* key : {"timestamp", "stored"}) {
    const json* t = Find(s, key);
    if (t == nullptr) continue;
    if (!t->is_string() || !IsTimestamp(t->get<std::string>())) {
      Bad(std::string("/") + key, "expected an ISO 8601 date-time");
    }
    if (p.at.empty()) p.at = t->get<std::string>();
  }
  return p;
}

// The statement without the properties an LRS may set (authority, stored,
// version), for comparing two statements with one id.
json Comparable(const json& s) {
  json copy = s;
  for (const char* key : {"authority", "stored", "version"}) copy.erase(key);
  return copy;
}

std::string MapActivity(const std::string& iri, const XapiOptions& o) {
  auto it = o.activity_map.find(iri);
  if (it != o.activity_map.end()) return it->second;
  if (o.activity_prefix.empty() || iri.rfind(o.activity_prefix, 0) != 0) return "";
  std::string rest = iri.substr(o.activity_prefix.size());
  rest = rest.substr(0, rest.find_first_of("/?#"));
  return rest.empty() ? "" : o.item_prefix + rest;
}

// The statements array of the document: an array, or an LRS answer.
const json& StatementList(const json& doc, const std::string& file, std::string* base,
                          const pr_sink* sink) {
  if (doc.is_array()) return doc;
  if (doc.is_object() && doc.contains("statements") && doc["statements"].is_array()) {
    *base = "/statements";
    const json* more = Find(doc, "more");
    if (more != nullptr && more->is_string() && !more->get<std::string>().empty()) {
      Log(sink, PR_LOG_WARNING,
          file + ": the LRS answer has more pages (more: " + more->get<std::string>() +
              "); only this page was read");
    }
    return doc["statements"];
  }
  throw PluginError(PR_ERR_DATA, file +
                                     ": expected a JSON array of statements or an LRS answer "
                                     "{\"statements\": [...]}");
}

}  // namespace

void ReadXapiStatements(const XapiOptions& o, const pr_sink* sink) {
  const json doc = ParseJsonDocument(ReadWholeFile(o.path), PR_ERR_DATA, o.path);
  std::string base;
  const json& list = StatementList(doc, o.path, &base, sink);

  Defects defects(o.on_invalid, sink);
  std::vector<Parsed> parsed;
  std::map<std::string, size_t> by_id;  // id -> index into parsed
  size_t duplicates = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string ref = "statement " + std::to_string(i);
    Parsed p;
    try {
      p = ParseStatement(list[i], i, o);
    } catch (const Malformed& m) {
      defects.Add(ref, (m.field.empty() ? "/" : m.field) + ": " + m.reason, "the statement");
      continue;
    }
    auto it = by_id.find(p.id);
    if (it != by_id.end()) {
      const size_t first = parsed[it->second].index;
      if (Comparable(list[i]) == Comparable(list[first])) {
        ++duplicates;
      } else {
        defects.Add(ref,
                    "/id: " + p.id + " is also the id of statement " + std::to_string(first) +
                        ", whose content differs",
                    "the statement");
      }
      continue;
    }
    by_id.emplace(p.id, parsed.size());
    parsed.push_back(std::move(p));
  }
  defects.Finish();

  std::set<std::string> voided;
  size_t voiding = 0;
  for (const Parsed& p : parsed) {
    if (!p.voiding) continue;
    ++voiding;
    auto target = by_id.find(p.target);
    const std::string ref = "statement " + std::to_string(p.index);
    if (target == by_id.end()) {
      Log(sink, PR_LOG_WARNING,
          ref + " voids statement " + p.target +
              ", which is not in this source; a store that holds it keeps it");
    } else if (parsed[target->second].voiding) {
      Log(sink, PR_LOG_WARNING,
          ref + " targets statement " + std::to_string(parsed[target->second].index) +
              ", itself a voiding statement, and is ignored (xAPI: a voiding statement cannot "
              "be voided)");
    } else {
      voided.insert(p.target);
    }
  }

  size_t events = 0, voided_count = 0;
  std::map<std::string, size_t> skipped;  // reason -> count
  for (const Parsed& p : parsed) {
    if (p.voiding) continue;
    if (voided.count(p.id)) {
      ++voided_count;
      continue;
    }
    std::string reason = p.skip;
    std::string item;
    std::optional<double> mastery;
    if (reason.empty()) {
      item = MapActivity(p.activity, o);
      if (item.empty()) reason = "the activity is outside activity_prefix and activity_map";
    }
    if (reason.empty()) {
      mastery = o.mastery.Mastery(p.verb, p.result);
      if (!mastery) reason = "verb " + p.verb + " is not in the mastery table";
    }
    if (!reason.empty()) {
      ++skipped[reason];
      continue;
    }
    pr_progress event{};
    event.struct_size = sizeof(event);
    event.learner = Str(p.learner);
    event.item = Str(item);
    event.mastery = *mastery;
    event.at = Str(p.at);
    event.id = Str(p.id);
    Check(sink->add_progress(sink->host, &event));
    ++events;
  }
  std::string summary = std::to_string(list.size()) + " statements: " + std::to_string(events) +
                        " progress events, " + std::to_string(voided_count) + " voided, " +
                        std::to_string(voiding) + " voiding, " + std::to_string(duplicates) +
                        " repeated";
  if (defects.count() > 0) summary += ", " + std::to_string(defects.count()) + " malformed dropped";
  Log(sink, PR_LOG_INFO, summary);
  for (const auto& [reason, count] : skipped) {
    Log(sink, PR_LOG_INFO, "skipped " + std::to_string(count) + " statements: " + reason);
  }
}

}  // namespace pathrank::plugin
