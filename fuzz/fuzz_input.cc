#include "fuzz_input.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace pathrank::fuzz {
namespace {

std::string* g_scratch = nullptr;

void RemoveScratch() {
  if (g_scratch == nullptr) return;
  std::error_code ignored;
  std::filesystem::remove_all(*g_scratch, ignored);
}

}  // namespace

const std::string& ScratchDir() {
  if (g_scratch != nullptr) return *g_scratch;
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/pathrank-fuzz.XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror("pathrank fuzz: mkdtemp");
    std::abort();
  }
  g_scratch = new std::string(pattern);  // lives until exit
  std::atexit(RemoveScratch);
  return *g_scratch;
}

std::string WriteScratchFile(const std::string& name, std::string_view content) {
  std::string path = ScratchDir() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "pathrank fuzz: cannot write %s\n", path.c_str());
    std::abort();
  }
  return path;
}

void RemoveScratchFile(const std::string& name) {
  std::error_code ignored;
  std::filesystem::remove(ScratchDir() + "/" + name, ignored);
}

std::vector<std::string_view> SplitInput(std::string_view text, std::string_view separator,
                                         size_t parts) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < parts) {
    size_t at = text.find(separator);
    if (at == std::string_view::npos) break;
    out.push_back(text.substr(0, at));
    text.remove_prefix(at + separator.size());
  }
  out.push_back(text);
  return out;
}

std::string JsonQuote(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace pathrank::fuzz
