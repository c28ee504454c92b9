// GET /v1/catalogs, /v1/catalogs/{cid}, its items, one item, its goals.

#include <httplib.h>

#include <algorithm>

#include "api/json_api.h"
#include "http/handlers.h"
#include "http/http_reply.h"
#include "pathrank/item_query.h"

namespace pathrank::server {

void HandleListCatalogs(ServerState& state, const httplib::Request&, httplib::Response& res) {
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  ReplyJson(res, 200, RenderCatalogList(*snapshot));
}

void HandleGetCatalog(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  const ServedCatalog* served = CatalogOfPath(*snapshot, req, 1, res);
  if (!served) return;
  ReplyJson(res, 200, RenderCatalog(*served));
}

void HandleListItems(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  const ServedCatalog* served = CatalogOfPath(*snapshot, req, 1, res);
  if (!served) return;
  const Catalog& catalog = *served->catalog;
  const auto limit = QueryInteger(req, "limit", 1, state.config.limits.max_page, 50, res);
  if (!limit) return;
  const auto offset = QueryInteger(req, "offset", 0, 1LL << 40, 0, res);
  if (!offset) return;
  ItemQuery query;
  if (const std::string kind = QueryText(req, "kind"); !kind.empty()) {
    query.kind = ParseItemKind(kind);
    if (!query.kind) {
      ReplyProblem(
          res, MakeProblem(ProblemType::kInvalid, "unknown kind \"" + kind + "\"",
                           FieldLocation::kQuery, "/kind", "must be topic, framework or project"));
      return;
    }
  }
  query.stage = QueryText(req, "stage");
  if (!query.stage.empty() && !catalog.FindStage(query.stage)) {
    ReplyProblem(res, MakeProblem(ProblemType::kInvalid,
                                  "catalog " + served->id + " has no stage \"" + query.stage + "\"",
                                  FieldLocation::kQuery, "/stage", "unknown stage"));
    return;
  }
  query.tag = QueryText(req, "tag");
  query.text = QueryText(req, "q");
  const std::vector<ItemId> found = FindItems(catalog, query);
  const size_t begin = std::min(found.size(), static_cast<size_t>(*offset));
  const size_t end = std::min(found.size(), begin + static_cast<size_t>(*limit));
  ReplyJson(res, 200,
            RenderItemPage(catalog, std::span(found).subspan(begin, end - begin), found.size(),
                           static_cast<size_t>(*limit), static_cast<size_t>(*offset)));
}

void HandleGetItem(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  const ServedCatalog* served = CatalogOfPath(*snapshot, req, 1, res);
  if (!served) return;
  const std::string iid = req.matches[2].str();
  const std::optional<ItemId> item = served->catalog->FindItem(iid);
  if (!item) {
    ReplyProblem(res, MakeProblem(ProblemType::kNotFound,
                                  "catalog " + served->id + " has no item \"" + iid + "\"",
                                  FieldLocation::kPath, "/iid", "unknown item"));
    return;
  }
  ReplyJson(res, 200, RenderItem(*served->catalog, *item));
}

void HandleListGoals(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  const ServedCatalog* served = CatalogOfPath(*snapshot, req, 1, res);
  if (!served) return;
  ReplyJson(res, 200, RenderGoals(*served->catalog));
}

}  // namespace pathrank::server
