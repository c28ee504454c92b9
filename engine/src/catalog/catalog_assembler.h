// The catalog build's internals, shared by catalog_checks.cc (validation,
// each problem with the JSON pointer of its field), catalog_assembly.cc (the
// graph, its orders and the finished Catalog) and catalog_builder.cc (the
// public CatalogBuilder that runs them in order).
#ifndef PATHRANK_ENGINE_SRC_CATALOG_CATALOG_ASSEMBLER_H_
#define PATHRANK_ENGINE_SRC_CATALOG_CATALOG_ASSEMBLER_H_

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/catalog_spec.h"
#include "pathrank/status.h"
#include "util/text.h"

namespace pathrank::internal {

inline constexpr double kMaxHours = 10000.0;
inline constexpr uint32_t kUnresolved = UINT32_MAX;

inline bool InUnitWeightRange(double w) { return std::isfinite(w) && w > 0 && w <= 1; }

// Collects validation problems, each with the JSON pointer of its field.
class Problems {
 public:
  void Add(std::string field, std::string message) {
    list_.push_back({std::move(field), std::move(message)});
  }
  bool empty() const { return list_.empty(); }

  Status ToStatus(const std::string& catalog_id, size_t max_listed) const {
    std::string message = "catalog " + Quoted(catalog_id) + ": " + std::to_string(list_.size()) +
                          (list_.size() == 1 ? " error" : " errors");
    for (size_t i = 0; i < list_.size() && i < max_listed; ++i) {
      message += "\n  " + list_[i].message;
      if (!list_[i].field.empty()) message += " (at " + list_[i].field + ")";
    }
    if (list_.size() > max_listed) {
      message += "\n  ... and " + std::to_string(list_.size() - max_listed) + " more";
    }
    Status status = Status::InvalidArgument(std::move(message));
    for (const FieldError& e : list_) status.AddField(e.field, e.message);
    return status;
  }

 private:
  std::vector<FieldError> list_;
};

// Builds the finished Catalog from a spec already known to be valid, except
// for cycles, which it reports.
class CatalogAssembler {
 public:
  CatalogAssembler(const CatalogSpec& spec, Problems* problems)
      : spec_(spec), problems_(problems) {}

  void CheckInfo();
  void IndexStages(bool declare_on_use, CatalogSpec* spec);
  void CheckItems();
  void CheckGoals();
  void CheckNames();
  // Fills the graph arrays and the orders; reports cycles.
  void BuildGraph();
  // The Catalog, moving the spec's strings into it. REQUIRES: no problem
  // was reported.
  std::shared_ptr<Catalog> Finish(CatalogSpec spec);

 private:
  void FinishItems(CatalogSpec& spec, Catalog& c);
  static void FinishDependents(Catalog& c);
  void FinishOrders(Catalog& c);
  void FinishGoals(CatalogSpec& spec, Catalog& c);
  void CheckClauses(size_t i, const std::string& at, const std::string& ref);
  std::string ItemRef(size_t i) const { return "item " + Quoted(spec_.items[i].id); }

  const CatalogSpec& spec_;
  Problems* problems_;
  std::unordered_map<std::string, uint32_t> stage_index_;
  std::unordered_map<std::string, uint32_t> item_index_;  // first occurrence
  // Every clause alternative's item index (kUnresolved when unknown), in
  // item, clause, alternative order: looked up once, used by every step.
  std::vector<uint32_t> resolved_;
  std::unordered_map<std::string, uint32_t> goal_index_;
  std::unordered_map<std::string, std::vector<uint32_t>> tag_items_;
  std::unordered_map<std::string, uint32_t> name_index_;
  // Graph: per item, the resolved alternative ids of every clause.
  std::vector<uint32_t> prereq_offsets_;
  std::vector<uint32_t> prereqs_;
  std::vector<uint32_t> topo_order_;
};

}  // namespace pathrank::internal

#endif  // PATHRANK_ENGINE_SRC_CATALOG_CATALOG_ASSEMBLER_H_
