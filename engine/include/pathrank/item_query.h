// Filtering a catalog's items: by kind, stage, tag and free text.
//
// Thread safety: free functions over an immutable Catalog.

#ifndef PATHRANK_ITEM_QUERY_H_
#define PATHRANK_ITEM_QUERY_H_

#include <optional>
#include <string>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/export.h"

namespace pathrank {

struct ItemQuery {
  std::optional<ItemKind> kind;  // only items of this kind
  std::string stage;             // only items of this stage id; "" for all
  std::string tag;               // only items carrying this tag; "" for all
  // Case-insensitive substring of the id, title or an alias; "" for all.
  std::string text;
};

// The items matching every set criterion, in stage order (dense ids of
// `catalog`; an unknown stage or tag matches nothing).
PATHRANK_EXPORT std::vector<ItemId> FindItems(const Catalog& catalog, const ItemQuery& query);

}  // namespace pathrank

#endif  // PATHRANK_ITEM_QUERY_H_
