// Helpers shared by the libFuzzer targets of fuzz/ (docs/fuzzing.md).
//
// Thread safety: libFuzzer runs one input at a time per process; these
// helpers keep per-process state (a temporary directory) and are not meant
// to be called from several threads.

#ifndef PATHRANK_FUZZ_FUZZ_INPUT_H_
#define PATHRANK_FUZZ_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pathrank::fuzz {

// The fuzz input as text (bytes as they are; may hold NUL and invalid UTF-8).
inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A per-process scratch directory under $TMPDIR (or /tmp), created on first
// use and removed at exit. Aborts when it cannot be created.
const std::string& ScratchDir();

// Writes `content` to ScratchDir()/<name> (replacing it) and returns the
// path. Aborts when the file cannot be written: a fuzz run must not go on
// testing nothing.
std::string WriteScratchFile(const std::string& name, std::string_view content);

// Removes ScratchDir()/<name> when it exists.
void RemoveScratchFile(const std::string& name);

// Splits `text` at each occurrence of `separator` into at most `parts`
// pieces (the last piece keeps any further separators). Lets one input
// carry several files.
std::vector<std::string_view> SplitInput(std::string_view text, std::string_view separator,
                                         size_t parts);

// `value` as a JSON string literal (quotes and escapes), for building a
// plugin config around a scratch path.
std::string JsonQuote(std::string_view value);

}  // namespace pathrank::fuzz

#endif  // PATHRANK_FUZZ_FUZZ_INPUT_H_
