// Links the awesome-go catalog to another native catalog (the Go backend
// catalog, datasets/go-backend/catalog.json): an entry whose URL key
// (UrlKey: "gin-gonic/gin") equals an alias or the id of an item of that
// catalog (case-insensitively) is that item. Then, with L the linked
// catalog's id and x the item:
//   - the entry gets tag "L.x" and attribute same_as "L/x";
//   - every other entry of the same category and subcategory gets tag
//     "alt.L.x" and attribute alternative_to "L/x, ..." (comma-separated):
//     the libraries awesome-go lists beside x, its alternatives.
// So GET /v1/catalogs/awesome-go/items?tag=alt.go-backend.gin lists Gin's
// alternatives when both catalogs are served (docs/importers.md).
//
// Thread safety: pure functions over their arguments.

#ifndef PATHRANK_PLUGINS_AWESOME_GO_AWESOME_LINK_H_
#define PATHRANK_PLUGINS_AWESOME_GO_AWESOME_LINK_H_

#include <map>
#include <string>
#include <vector>

#include "../common/catalog_records.h"
#include "awesome_list.h"

namespace pathrank::plugin {

// `records.items[i]` is `entries[i]`. `aliases` maps more URL keys to item
// ids of the linked catalog (repositories that moved); an alias naming no
// item is PluginError PR_ERR_CONFIG. Reads `catalog_path` (PluginError
// PR_ERR_NOT_FOUND / PR_ERR_DATA naming the file and field); logs one info
// line naming the links made.
void LinkCatalog(const std::string& catalog_path, const std::map<std::string, std::string>& aliases,
                 const std::vector<AwesomeEntry>& entries, CatalogRecords* records,
                 const pr_sink* sink);

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_AWESOME_GO_AWESOME_LINK_H_
