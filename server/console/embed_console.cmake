# Writes OUTPUT, a C++ source defining pathrank::server::ConsoleAssets():
# every file of FILES (comma-separated paths relative to DIR) as a byte array with its
# Content-Type and an ETag (the first 16 hex digits of its SHA-256).
# Run by server/console/CMakeLists.txt at build time (cmake -P).
string(REPLACE "," ";" FILES "${FILES}")
set(arrays "")
set(table "")
set(index 0)
foreach(name IN LISTS FILES)
  set(file "${DIR}/${name}")
  file(READ "${file}" hex HEX)
  file(SHA256 "${file}" sha)
  string(SUBSTRING "${sha}" 0 16 etag)
  file(SIZE "${file}" size)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  get_filename_component(ext "${name}" LAST_EXT)
  if(ext STREQUAL ".html")
    set(type "text/html; charset=utf-8")
  elseif(ext STREQUAL ".js")
    set(type "text/javascript; charset=utf-8")
  elseif(ext STREQUAL ".css")
    set(type "text/css; charset=utf-8")
  elseif(ext STREQUAL ".svg")
    set(type "image/svg+xml")
  elseif(ext STREQUAL ".png")
    set(type "image/png")
  else()
    message(FATAL_ERROR "embed_console: no Content-Type for ${name}")
  endif()
  string(APPEND arrays "constexpr char kFile${index}[] = {\n    ${bytes}'\\0'};\n")
  string(APPEND table
    "      {\"${name}\", \"${type}\", \"\\\"${etag}\\\"\", std::string_view(kFile${index}, ${size})},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from server/console/ by server/console/embed_console.cmake; do not edit.
#include \"console/console_assets.h\"

namespace pathrank::server {
namespace {

${arrays}
}  // namespace

std::span<const ConsoleAsset> ConsoleAssets() {
  static constexpr ConsoleAsset kAssets[] = {
${table}  };
  return kAssets;
}

}  // namespace pathrank::server
")
# Only a changed text touches OUTPUT (no needless recompiles).
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
