// Reading and writing the `pathrank.sequence/v1` model file.

#include <cmath>
#include <map>

#include "pathrank/transition_model.h"
#include "util/file_io.h"
#include "util/json/json_writer.h"
#include "util/json_fields.h"
#include "util/text.h"

namespace pathrank {

namespace {

using json::JsonChild;
using json::JsonDocument;
using json::JsonNode;
using json::JsonType;

// Reads an object of item id -> non-negative integer count into `out`.
bool ReadCounts(const Catalog& catalog, const JsonDocument& doc, const JsonNode& object,
                const std::string& pointer, std::vector<FieldError>* errors,
                std::map<ItemId, uint32_t>* out) {
  if (object.type != JsonType::kObject) {
    errors->push_back({pointer, "expected an object of item id -> count"});
    return false;
  }
  for (const JsonChild& m : doc.SortedMembers(object)) {
    const JsonNode& count = doc.node(m.node);
    const std::string at = internal::JsonPointer(pointer, m.key);
    auto item = catalog.FindItem(m.key);
    if (!item) {
      errors->push_back({at, "unknown item " + internal::Quoted(m.key) + " in catalog " +
                                 internal::Quoted(catalog.id())});
      continue;
    }
    if (count.type != JsonType::kNumber || !count.integral || count.number < 0 ||
        count.number > 0xFFFFFFFFu) {
      errors->push_back({at, "expected a non-negative integer count"});
      continue;
    }
    (*out)[*item] = static_cast<uint32_t>(count.number);
  }
  return true;
}

}  // namespace

std::string TransitionModel::ToJson(const Catalog& catalog) const {
  json::Writer w(1);
  w.BeginObject();
  w.Member("format", kSequenceModelFormat);
  w.Member("model", "transition");
  w.Member("catalog", catalog.id());
  w.Member("smoothing", options_.smoothing);
  w.Member("recency_decay", options_.recency_decay);
  w.Member("recent_items", options_.recent_items);
  w.Member("learners", learners_);
  const auto counts = [&](std::string_view key, const std::vector<uint32_t>& of) {
    w.Key(key);
    w.BeginObject();
    for (ItemId i = 0; i < of.size(); ++i) {
      if (of[i] > 0) w.Member(catalog.item(i).id, of[i]);
    }
    w.EndObject();
  };
  counts("popularity", popularity_);
  counts("start", start_);
  w.Key("transitions");
  w.BeginObject();
  for (ItemId i = 0; i < popularity_.size(); ++i) {
    if (offsets_[i + 1] == offsets_[i]) continue;
    w.Key(catalog.item(i).id);
    w.BeginObject();
    for (uint32_t e = offsets_[i]; e < offsets_[i + 1]; ++e) {
      w.Member(catalog.item(edges_[e].to).id, edges_[e].count);
    }
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  return w.Take() + "\n";
}

Result<TransitionModel> TransitionModel::FromJson(const Catalog& catalog, std::string_view text) {
  JsonDocument doc;
  PATHRANK_RETURN_IF_ERROR(internal::ParseJsonText(text, "sequence model", &doc));
  std::vector<FieldError> errors;
  internal::JsonFields f(doc, doc.root(), "", &errors);
  f.RejectUnknown({"format", "model", "catalog", "smoothing", "recency_decay", "recent_items",
                   "learners", "popularity", "start", "transitions"});
  std::string format, kind, catalog_id;
  if (f.String("format", &format, true) && format != kSequenceModelFormat) {
    f.Error("/format",
            "expected \"" + std::string(kSequenceModelFormat) + "\", got \"" + format + "\"");
  }
  if (f.String("model", &kind, true) && kind != "transition") {
    f.Error("/model", "expected \"transition\", got \"" + kind + "\"");
  }
  if (f.String("catalog", &catalog_id, true) && catalog_id != catalog.id()) {
    f.Error("/catalog", "the model was learned on catalog " + internal::Quoted(catalog_id) +
                            ", not " + internal::Quoted(catalog.id()));
  }
  TransitionModel model;
  f.Number("smoothing", &model.options_.smoothing, false, 0, 1e9, false, "[0, 1e9]");
  f.Number("recency_decay", &model.options_.recency_decay, false, 0, 1, false, "[0, 1]");
  int recent = static_cast<int>(model.options_.recent_items);
  if (f.Integer("recent_items", &recent, false, 1, 1000)) model.options_.recent_items = recent;
  double learners = 0;
  if (f.Number("learners", &learners, true, 0, 1e15, false, "[0, 1e15]")) {
    model.learners_ = static_cast<uint64_t>(learners);
  }
  const size_t n = catalog.item_count();
  model.popularity_.assign(n, 0);
  model.start_.assign(n, 0);
  std::map<ItemId, uint32_t> counts;
  if (const JsonNode* p = f.Member("popularity", JsonType::kObject, true)) {
    ReadCounts(catalog, doc, *p, "/popularity", &errors, &counts);
    for (const auto& [i, c] : counts) model.popularity_[i] = c;
  }
  counts.clear();
  if (const JsonNode* s = f.Member("start", JsonType::kObject, true)) {
    ReadCounts(catalog, doc, *s, "/start", &errors, &counts);
    for (const auto& [i, c] : counts) model.start_[i] = c;
  }
  std::vector<std::map<ItemId, uint32_t>> rows(n);
  if (const JsonNode* t = f.Member("transitions", JsonType::kObject, true)) {
    for (const JsonChild& m : doc.SortedMembers(*t)) {
      const std::string at = internal::JsonPointer("/transitions", m.key);
      auto from = catalog.FindItem(m.key);
      if (!from) {
        errors.push_back({at, "unknown item " + internal::Quoted(m.key) + " in catalog " +
                                  internal::Quoted(catalog.id())});
        continue;
      }
      ReadCounts(catalog, doc, doc.node(m.node), at, &errors, &rows[*from]);
    }
  }
  if (!errors.empty()) return internal::FieldErrorsToStatus("sequence model", errors);
  model.offsets_.assign(n + 1, 0);
  for (size_t j = 0; j < n; ++j) {
    model.offsets_[j + 1] = model.offsets_[j] + static_cast<uint32_t>(rows[j].size());
    for (const auto& [to, count] : rows[j]) {
      model.edges_.push_back({to, count});
      model.transitions_ += count;
    }
  }
  model.Finalize();
  return model;
}

Result<TransitionModel> TransitionModel::Load(const Catalog& catalog, const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  Result<TransitionModel> model = FromJson(catalog, *text);
  if (!model) return model.error().WithPrefix(path);
  return model;
}

Status TransitionModel::Save(const Catalog& catalog, const std::string& path) const {
  return WriteFileAtomic(path, ToJson(catalog));
}

}  // namespace pathrank
