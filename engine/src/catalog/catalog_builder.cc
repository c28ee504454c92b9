#include "pathrank/catalog_builder.h"

#include <unordered_map>
#include <utility>

#include "catalog/catalog_assembler.h"
#include "util/text.h"

namespace pathrank {

using internal::Quoted;

CatalogBuilder::CatalogBuilder(CatalogBuildOptions options) : options_(options) {}

CatalogBuilder::CatalogBuilder(CatalogSpec spec, CatalogBuildOptions options)
    : options_(options), spec_(std::move(spec)) {}

void CatalogBuilder::SetInfo(std::string id, std::string title, std::string version,
                             std::string summary) {
  spec_.id = std::move(id);
  spec_.title = std::move(title);
  spec_.version = std::move(version);
  spec_.summary = std::move(summary);
}

void CatalogBuilder::AddStage(StageSpec stage) { spec_.stages.push_back(std::move(stage)); }
void CatalogBuilder::AddItem(ItemSpec item) { spec_.items.push_back(std::move(item)); }
void CatalogBuilder::AddGoal(GoalSpec goal) { spec_.goals.push_back(std::move(goal)); }
void CatalogBuilder::AddClause(std::string item_id, ClauseSpec clause) {
  loose_clauses_.emplace_back(std::move(item_id), std::move(clause));
}

Result<std::shared_ptr<const Catalog>> CatalogBuilder::Build() {
  internal::Problems problems;
  CatalogSpec spec = std::move(spec_);
  if (!loose_clauses_.empty()) {
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < spec.items.size(); ++i) index.emplace(spec.items[i].id, i);
    for (auto& [item_id, clause] : loose_clauses_) {
      auto it = index.find(item_id);
      if (it == index.end()) {
        problems.Add("/items",
                     "a prerequisite clause was added to unknown item " + Quoted(item_id));
        continue;
      }
      spec.items[it->second].prerequisites.push_back(std::move(clause));
    }
    loose_clauses_.clear();
  }

  internal::CatalogAssembler assembler(spec, &problems);
  assembler.CheckInfo();
  assembler.IndexStages(options_.declare_stages_on_use, &spec);
  assembler.CheckItems();
  assembler.CheckGoals();
  assembler.CheckNames();
  assembler.BuildGraph();
  if (!problems.empty()) return problems.ToStatus(spec.id, options_.max_listed_errors);
  return std::shared_ptr<const Catalog>(assembler.Finish(std::move(spec)));
}

Result<std::shared_ptr<const Catalog>> BuildCatalog(CatalogSpec spec) {
  return CatalogBuilder(std::move(spec)).Build();
}

}  // namespace pathrank
