#include "pathrank/item_query.h"

#include <algorithm>

#include "util/text.h"

namespace pathrank {

namespace {

bool ContainsIgnoringCase(const std::string& haystack, const std::string& lower_needle) {
  return internal::AsciiLower(haystack).find(lower_needle) != std::string::npos;
}

}  // namespace

std::vector<ItemId> FindItems(const Catalog& catalog, const ItemQuery& query) {
  const std::string needle = internal::AsciiLower(query.text);
  std::optional<uint32_t> stage;
  if (!query.stage.empty()) {
    stage = catalog.FindStage(query.stage);
    if (!stage) return {};
  }
  std::vector<ItemId> out;
  for (ItemId i : catalog.stage_order()) {
    const Item& item = catalog.item(i);
    if (query.kind && item.kind != *query.kind) continue;
    if (stage && item.stage != *stage) continue;
    if (!query.tag.empty() &&
        std::find(item.tags.begin(), item.tags.end(), query.tag) == item.tags.end()) {
      continue;
    }
    if (!needle.empty() && !ContainsIgnoringCase(item.id, needle) &&
        !ContainsIgnoringCase(item.title, needle) &&
        std::none_of(item.aliases.begin(), item.aliases.end(),
                     [&](const std::string& a) { return ContainsIgnoringCase(a, needle); })) {
      continue;
    }
    out.push_back(i);
  }
  return out;
}

}  // namespace pathrank
