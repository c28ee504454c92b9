// Reading and writing the `pathrank.sequence/v1` model file.

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "pathrank/transition_model.h"
#include "util/file_io.h"
#include "util/json_fields.h"
#include "util/text.h"

namespace pathrank {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// Reads an object of item id -> non-negative integer count into `out`.
bool ReadCounts(const Catalog& catalog, const json& object, const std::string& pointer,
                std::vector<FieldError>* errors, std::map<ItemId, uint32_t>* out) {
  if (!object.is_object()) {
    errors->push_back({pointer, "expected an object of item id -> count"});
    return false;
  }
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string at = internal::JsonPointer(pointer, it.key());
    auto item = catalog.FindItem(it.key());
    if (!item) {
      errors->push_back({at, "unknown item " + internal::Quoted(it.key()) + " in catalog " +
                                 internal::Quoted(catalog.id())});
      continue;
    }
    if (!it->is_number_unsigned() || it->get<uint64_t>() > 0xFFFFFFFFu) {
      errors->push_back({at, "expected a non-negative integer count"});
      continue;
    }
    (*out)[*item] = static_cast<uint32_t>(it->get<uint64_t>());
  }
  return true;
}

}  // namespace

std::string TransitionModel::ToJson(const Catalog& catalog) const {
  ordered_json doc;
  doc["format"] = kSequenceModelFormat;
  doc["model"] = "transition";
  doc["catalog"] = catalog.id();
  doc["smoothing"] = options_.smoothing;
  doc["recency_decay"] = options_.recency_decay;
  doc["recent_items"] = options_.recent_items;
  doc["learners"] = learners_;
  ordered_json popularity = ordered_json::object(), start = ordered_json::object();
  ordered_json transitions = ordered_json::object();
  for (ItemId i = 0; i < popularity_.size(); ++i) {
    const std::string& id = catalog.item(i).id;
    if (popularity_[i] > 0) popularity[id] = popularity_[i];
    if (start_[i] > 0) start[id] = start_[i];
    if (offsets_[i + 1] > offsets_[i]) {
      ordered_json row = ordered_json::object();
      for (uint32_t e = offsets_[i]; e < offsets_[i + 1]; ++e) {
        row[catalog.item(edges_[e].to).id] = edges_[e].count;
      }
      transitions[id] = std::move(row);
    }
  }
  doc["popularity"] = std::move(popularity);
  doc["start"] = std::move(start);
  doc["transitions"] = std::move(transitions);
  return doc.dump(1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

Result<TransitionModel> TransitionModel::FromJson(const Catalog& catalog, std::string_view text) {
  Result<json> doc = internal::ParseJsonText(text, "sequence model");
  if (!doc) return doc.error();
  std::vector<FieldError> errors;
  internal::JsonFields f(*doc, "", &errors);
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
  if (const json* p = f.Member("popularity", json::value_t::object, true)) {
    ReadCounts(catalog, *p, "/popularity", &errors, &counts);
    for (const auto& [i, c] : counts) model.popularity_[i] = c;
  }
  counts.clear();
  if (const json* s = f.Member("start", json::value_t::object, true)) {
    ReadCounts(catalog, *s, "/start", &errors, &counts);
    for (const auto& [i, c] : counts) model.start_[i] = c;
  }
  std::vector<std::map<ItemId, uint32_t>> rows(n);
  if (const json* t = f.Member("transitions", json::value_t::object, true)) {
    for (auto it = t->begin(); it != t->end(); ++it) {
      const std::string at = internal::JsonPointer("/transitions", it.key());
      auto from = catalog.FindItem(it.key());
      if (!from) {
        errors.push_back({at, "unknown item " + internal::Quoted(it.key()) + " in catalog " +
                                  internal::Quoted(catalog.id())});
        continue;
      }
      ReadCounts(catalog, *it, at, &errors, &rows[*from]);
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
