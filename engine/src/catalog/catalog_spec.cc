#include "pathrank/catalog_spec.h"

namespace pathrank {

std::string_view ItemKindName(ItemKind kind) {
  switch (kind) {
    case ItemKind::kTopic:
      return "topic";
    case ItemKind::kFramework:
      return "framework";
    case ItemKind::kProject:
      return "project";
  }
  return "topic";
}

std::optional<ItemKind> ParseItemKind(std::string_view name) {
  if (name == "topic") return ItemKind::kTopic;
  if (name == "framework") return ItemKind::kFramework;
  if (name == "project") return ItemKind::kProject;
  return std::nullopt;
}

std::string_view ClauseTypeName(ClauseType type) {
  return type == ClauseType::kRequires ? "requires" : "recommends";
}

std::optional<ClauseType> ParseClauseType(std::string_view name) {
  if (name == "requires") return ClauseType::kRequires;
  if (name == "recommends") return ClauseType::kRecommends;
  return std::nullopt;
}

bool IsSlug(std::string_view s) {
  if (s.empty() || s.size() > 128) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(s[0])) return false;
  for (char c : s) {
    if (!alnum(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace pathrank
