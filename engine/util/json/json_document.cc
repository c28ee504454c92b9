#include "util/json/json_document.h"

#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cmath>

#include "util/json/json_syntax_error.h"
#include "util/json/json_writer.h"

namespace pathrank::json {

std::string_view JsonTypeName(JsonType type) {
  switch (type) {
    case JsonType::kNull:
      return "null";
    case JsonType::kBool:
      return "boolean";
    case JsonType::kNumber:
      return "number";
    case JsonType::kString:
      return "string";
    case JsonType::kArray:
      return "array";
    case JsonType::kObject:
      return "object";
  }
  return "value";
}

namespace {

constexpr size_t kMaxDepth = 64;
// The thread's parser starts with room for this many bytes of text and grows
// as needed; after a text longer than kKeepCapacity it is freed, so that a
// large body (up to limits.max_body_bytes) or a catalog read by a reload
// does not pin about 12 times its size in every server thread that ever read
// one (with 256 KiB kept, 60 reloads on the 140 KB Go catalog left a 1.7 MB
// parser in each of 16 worker threads: the soak's memory growth). Request
// bodies are a few KB (a 500-entry mastery vector is about 15 KB).
constexpr size_t kInitialCapacity = 16 * 1024;
constexpr size_t kKeepCapacity = kInitialCapacity;

// Off until a long-lived host turns it on (ReuseThreadParsers): code that is
// dlopen'ed and dlclose'd (the plugins link this file too) must not own
// thread_local objects.
std::atomic<bool> reuse_thread_parsers{false};

// A parser for a text of `size` bytes, allocated for kMaxDepth levels: the
// thread's own (kept between calls) when reuse is on, else `local`. nullptr
// when the allocation failed.
simdjson::dom::parser* ParserFor(size_t size, simdjson::dom::parser& local) {
  if (!reuse_thread_parsers.load(std::memory_order_relaxed)) {
    if (local.allocate(std::max<size_t>(size, 64), kMaxDepth)) return nullptr;
    return &local;
  }
  thread_local simdjson::dom::parser parser;
  if (parser.max_depth() != kMaxDepth && parser.allocate(kInitialCapacity, kMaxDepth)) {
    return nullptr;
  }
  return &parser;
}

// Frees the thread's parser after a text longer than kKeepCapacity.
void ReleaseLargeParser(simdjson::dom::parser* parser, const simdjson::dom::parser& local,
                        size_t text_size) {
  if (parser == nullptr || parser == &local || text_size <= kKeepCapacity) return;
  *parser = simdjson::dom::parser();
}

}  // namespace

void ReuseThreadParsers(bool on) { reuse_thread_parsers.store(on, std::memory_order_relaxed); }

// Copies simdjson's tree into a document's arrays, in document order.
class JsonDocument::Builder {
 public:
  explicit Builder(JsonDocument& doc) : doc_(doc) {}

  // Fills node `index` (already added) from `value`, then its subtree.
  // Recursion is bounded by simdjson's depth limit (kMaxDepth).
  void Fill(simdjson::dom::element value, uint32_t index) {
    using simdjson::dom::element_type;
    switch (value.type()) {
      case element_type::ARRAY: {
        const simdjson::dom::array array = value.get_array().value_unsafe();
        const uint32_t first = OpenContainer(index, JsonType::kArray, array.size());
        uint32_t slot = first;
        for (simdjson::dom::element item : array) {
          const uint32_t child = AddNode();
          doc_.children_[slot++] = JsonChild{{}, child};
          Fill(item, child);
        }
        return;
      }
      case element_type::OBJECT: {
        const simdjson::dom::object object = value.get_object().value_unsafe();
        const uint32_t first = OpenContainer(index, JsonType::kObject, object.size());
        uint32_t slot = first;
        for (simdjson::dom::key_value_pair member : object) {
          const uint32_t child = AddNode();
          doc_.children_[slot++] = JsonChild{Intern(member.key), child};
          Fill(member.value, child);
        }
        return;
      }
      case element_type::INT64:
        SetNumber(index, static_cast<double>(value.get_int64().value_unsafe()), true);
        return;
      case element_type::UINT64:
        SetNumber(index, static_cast<double>(value.get_uint64().value_unsafe()), true);
        return;
      case element_type::DOUBLE:
        SetNumber(index, value.get_double().value_unsafe(), false);
        return;
      case element_type::STRING: {
        JsonNode& node = doc_.nodes_[index];
        node.type = JsonType::kString;
        node.text = Intern(value.get_string().value_unsafe());
        return;
      }
      case element_type::BOOL: {
        JsonNode& node = doc_.nodes_[index];
        node.type = JsonType::kBool;
        node.boolean = value.get_bool().value_unsafe();
        return;
      }
      case element_type::NULL_VALUE:
        doc_.nodes_[index].type = JsonType::kNull;
        return;
    }
  }

  uint32_t AddNode() {
    doc_.nodes_.emplace_back();
    return static_cast<uint32_t>(doc_.nodes_.size() - 1);
  }

 private:
  // Makes node `index` a container of `size` children and reserves their
  // slots; returns the first slot.
  uint32_t OpenContainer(uint32_t index, JsonType type, size_t size) {
    const uint32_t first = static_cast<uint32_t>(doc_.children_.size());
    JsonNode& node = doc_.nodes_[index];
    node.type = type;
    node.first_child = first;
    node.size = static_cast<uint32_t>(size);
    doc_.children_.resize(first + size);
    return first;
  }

  void SetNumber(uint32_t index, double number, bool integral) {
    JsonNode& node = doc_.nodes_[index];
    node.type = JsonType::kNumber;
    node.number = number;
    node.integral = integral;
  }

  // Copies `s` (in simdjson's buffer) into the document's.
  std::string_view Intern(std::string_view s) {
    std::vector<char>& strings = doc_.strings_;
    assert(strings.size() + s.size() <= strings.capacity());  // never reallocates
    const size_t at = strings.size();
    strings.insert(strings.end(), s.begin(), s.end());
    return std::string_view(strings.data() + at, s.size());
  }

  JsonDocument& doc_;
};

bool JsonDocument::Parse(std::string_view text, std::string* error) {
  nodes_.clear();
  children_.clear();
  strings_.clear();
  simdjson::dom::parser local;
  simdjson::dom::parser* parser = ParserFor(text.size(), local);
  simdjson::dom::element root;
  simdjson::error_code code = simdjson::MEMALLOC;
  if (text.empty()) {
    code = simdjson::EMPTY;  // simdjson would memcpy from a null pointer
  } else if (parser != nullptr) {
    code = parser->parse(text.data(), text.size()).get(root);
  }
  if (code != simdjson::SUCCESS) {
    *error = DescribeJsonError(text, kMaxDepth, simdjson::error_message(code));
    ReleaseLargeParser(parser, local, text.size());
    return false;
  }
  // Decoded strings and keys together are never longer than the text (an
  // escape decodes to fewer bytes than it takes), so the buffer does not
  // reallocate while Builder hands out views into it.
  strings_.reserve(text.size());
  nodes_.reserve(64);
  Builder builder(*this);
  builder.Fill(root, builder.AddNode());
  ReleaseLargeParser(parser, local, text.size());
  return true;
}

namespace {

void WriteNode(const JsonDocument& doc, const JsonNode& value, Writer& w) {
  switch (value.type) {
    case JsonType::kNull:
      w.Null();
      return;
    case JsonType::kBool:
      w.Bool(value.boolean);
      return;
    case JsonType::kNumber:
      // Integers within ±2^53 are exact in the double; keep them integers.
      if (value.integral && std::fabs(value.number) <= 9007199254740992.0) {
        w.Int(static_cast<int64_t>(value.number));
      } else {
        w.Number(value.number);
      }
      return;
    case JsonType::kString:
      w.String(value.text);
      return;
    case JsonType::kArray:
      w.BeginArray();
      for (const JsonChild& c : doc.children(value)) WriteNode(doc, doc.node(c.node), w);
      w.EndArray();
      return;
    case JsonType::kObject:
      w.BeginObject();
      for (const JsonChild& m : doc.SortedMembers(value)) {
        w.Key(m.key);
        WriteNode(doc, doc.node(m.node), w);
      }
      w.EndObject();
      return;
  }
}

}  // namespace

const JsonNode* JsonDocument::Find(const JsonNode& object, std::string_view key) const {
  if (object.type != JsonType::kObject) return nullptr;
  const std::span<const JsonChild> members = children(object);
  for (auto it = members.rbegin(); it != members.rend(); ++it) {
    if (it->key == key) return &nodes_[it->node];
  }
  return nullptr;
}

std::vector<JsonChild> JsonDocument::SortedMembers(const JsonNode& object) const {
  if (object.type != JsonType::kObject) return {};
  const std::span<const JsonChild> all = children(object);
  std::vector<JsonChild> members(all.begin(), all.end());
  // Stable, so that the last of each run of equal keys is the last written.
  std::stable_sort(members.begin(), members.end(),
                   [](const JsonChild& a, const JsonChild& b) { return a.key < b.key; });
  size_t kept = 0;
  for (size_t i = 0; i < members.size(); ++i) {
    if (i + 1 < members.size() && members[i + 1].key == members[i].key) continue;
    members[kept++] = members[i];
  }
  members.resize(kept);
  return members;
}

size_t JsonValue::size() const { return is_array() || is_object() ? node_->size : 0; }

JsonValue JsonValue::operator[](size_t i) const {
  assert(is_array() && i < node_->size);
  return JsonValue(*doc_, doc_->node(doc_->children(*node_)[i].node));
}

JsonValue JsonValue::Find(std::string_view key) const {
  if (node_ == nullptr) return {};
  const JsonNode* member = doc_->Find(*node_, key);
  return member == nullptr ? JsonValue() : JsonValue(*doc_, *member);
}

std::vector<std::pair<std::string_view, JsonValue>> JsonValue::Members() const {
  std::vector<std::pair<std::string_view, JsonValue>> out;
  if (!is_object()) return out;
  for (const JsonChild& m : doc_->SortedMembers(*node_)) {
    out.emplace_back(m.key, JsonValue(*doc_, doc_->node(m.node)));
  }
  return out;
}

std::string JsonValue::ToJson() const { return node_ == nullptr ? "null" : doc_->ToJson(*node_); }

bool SameValue(JsonValue a, JsonValue b) {
  if (a.present() != b.present() || a.type() != b.type()) return false;
  if (!a.present()) return true;
  switch (a.type()) {
    case JsonType::kNull:
      return true;
    case JsonType::kBool:
      return a.boolean() == b.boolean();
    case JsonType::kNumber:
      return a.number() == b.number();
    case JsonType::kString:
      return a.string() == b.string();
    case JsonType::kArray:
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!SameValue(a[i], b[i])) return false;
      }
      return true;
    case JsonType::kObject: {
      const auto am = a.Members(), bm = b.Members();
      if (am.size() != bm.size()) return false;
      for (size_t i = 0; i < am.size(); ++i) {
        if (am[i].first != bm[i].first || !SameValue(am[i].second, bm[i].second)) return false;
      }
      return true;
    }
  }
  return false;
}

std::string JsonDocument::ToJson(const JsonNode& value) const {
  Writer w;
  WriteNode(*this, value, w);
  return w.Take();
}

}  // namespace pathrank::json
