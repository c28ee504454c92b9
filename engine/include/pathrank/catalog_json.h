// Reading and writing catalogs in the native format `pathrank.catalog/v1`
// (documented field by field in datasets/README.md).
//
// Thread safety: free functions without shared state.

#ifndef PATHRANK_CATALOG_JSON_H_
#define PATHRANK_CATALOG_JSON_H_

#include <memory>
#include <string>
#include <string_view>

#include "pathrank/catalog.h"
#include "pathrank/catalog_spec.h"
#include "pathrank/export.h"
#include "pathrank/status.h"

namespace pathrank {

// The value of the "format" field this engine reads and writes.
inline constexpr std::string_view kCatalogFormat = "pathrank.catalog/v1";

// Parses a catalog document into a spec; does not validate references (that
// is CatalogBuilder's job). Fails with InvalidArgument: a syntax error names
// line and column; a missing, unknown or mistyped field names its JSON
// pointer (all such problems are listed, and kept in Status::fields()).
PATHRANK_EXPORT Result<CatalogSpec> ParseCatalogJson(std::string_view text);

// Serialises `spec` as a pretty-printed document (2-space indent, trailing
// newline). ParseCatalogJson(FormatCatalogJson(s)) == s for any valid spec.
PATHRANK_EXPORT std::string FormatCatalogJson(const CatalogSpec& spec);

// Reads, parses and builds the catalog in file `path`; the caller shares
// ownership of the immutable catalog. Errors are prefixed
// with the path. Fails with Unavailable when the file cannot be read.
PATHRANK_EXPORT Result<std::shared_ptr<const Catalog>> LoadCatalogFile(const std::string& path);

// Writes FormatCatalogJson(spec) to `path` atomically (temporary file, then
// rename).
PATHRANK_EXPORT Status SaveCatalogFile(const CatalogSpec& spec, const std::string& path);

}  // namespace pathrank

#endif  // PATHRANK_CATALOG_JSON_H_
