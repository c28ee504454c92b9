# Writes OUTPUT, a C++ source defining pathrank::server::OpenApiDocument()
# that returns the content of INPUT (server/openapi.json).
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}"
"// Generated from server/openapi.json by server/embed_openapi.cmake; do not edit.
#include <string_view>

namespace pathrank::server {

std::string_view OpenApiDocument() {
  static constexpr std::string_view kDocument = R\"pathrank_openapi(${content})pathrank_openapi\";
  return kDocument;
}

}  // namespace pathrank::server
")
