// Where a byte of a text is, for error messages about text inputs (JSON
// documents, CSV files).
//
// Thread safety: a free function without shared state.

#ifndef PATHRANK_UTIL_TEXT_POSITION_H_
#define PATHRANK_UTIL_TEXT_POSITION_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace pathrank {

// "line L, column C" of byte `offset` of `text`, both 1-based; the column
// counts bytes. An offset past the end names the position after the last byte.
std::string TextPosition(std::string_view text, size_t offset);

}  // namespace pathrank

#endif  // PATHRANK_UTIL_TEXT_POSITION_H_
