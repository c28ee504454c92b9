// CatalogSpec: the plain, unvalidated description of a catalog.
//
// This is what the JSON reader and the plugins produce and what
// CatalogBuilder consumes; Catalog::ToSpec() gives it back, so a catalog can
// be written out again (`pathrank import`). Fields mirror the native format
// `pathrank.catalog/v1`, documented field by field in datasets/README.md.
//
// Thread safety: plain values.

#ifndef PATHRANK_CATALOG_SPEC_H_
#define PATHRANK_CATALOG_SPEC_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/export.h"

namespace pathrank {

enum class ItemKind : uint8_t { kTopic, kFramework, kProject };

// "requires" gates readiness; "recommends" counts toward coverage only.
enum class ClauseType : uint8_t { kRequires, kRecommends };

// "topic", "framework", "project".
PATHRANK_EXPORT std::string_view ItemKindName(ItemKind kind);
// Parses a kind name; nullopt when `name` is not one.
PATHRANK_EXPORT std::optional<ItemKind> ParseItemKind(std::string_view name);
// "requires", "recommends".
PATHRANK_EXPORT std::string_view ClauseTypeName(ClauseType type);
PATHRANK_EXPORT std::optional<ClauseType> ParseClauseType(std::string_view name);

// True when `s` matches [a-z0-9][a-z0-9._-]* and is at most 128 bytes.
PATHRANK_EXPORT bool IsSlug(std::string_view s);

struct StageSpec {
  std::string id;
  std::string title;
  std::string summary;
  bool operator==(const StageSpec&) const = default;
};

// A prerequisite clause: satisfied by any one of `any_of`.
struct ClauseSpec {
  std::vector<std::string> any_of;  // item ids, at least one, no repeats
  double weight = 1.0;              // in (0, 1]
  ClauseType type = ClauseType::kRequires;
  std::string note;  // why the clause exists; may be empty
  bool operator==(const ClauseSpec&) const = default;
};

struct ItemSpec {
  std::string id;  // slug, unique
  ItemKind kind = ItemKind::kTopic;
  std::string title;
  std::string stage;  // a StageSpec id
  std::vector<std::string> tags;
  double hours = 1.0;  // in (0, 10000]
  int difficulty = 1;  // 1..5
  std::vector<std::string> aliases;
  std::string summary;
  std::string source;  // provenance, e.g. the seed section
  std::map<std::string, std::string> attributes;
  std::vector<ClauseSpec> prerequisites;
  bool operator==(const ItemSpec&) const = default;
};

struct GoalSpec {
  std::string id;  // slug, unique
  std::string title;
  std::string summary;
  std::map<std::string, double> items;  // item id -> weight in (0, 1]
  std::map<std::string, double> tags;   // tag -> weight in (0, 1]
  bool operator==(const GoalSpec&) const = default;
};

struct CatalogSpec {
  std::string id;  // slug
  std::string title;
  std::string version;
  std::string summary;
  std::vector<StageSpec> stages;  // in teaching order
  std::vector<ItemSpec> items;
  std::vector<GoalSpec> goals;
  bool operator==(const CatalogSpec&) const = default;
};

}  // namespace pathrank

#endif  // PATHRANK_CATALOG_SPEC_H_
