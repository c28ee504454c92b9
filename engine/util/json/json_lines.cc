#include "util/json/json_lines.h"

#include <vector>

namespace pathrank::json {

namespace {

// A scanner over the text, counting lines; records every value's line.
class Scanner {
 public:
  Scanner(std::string_view text, size_t max_depth, std::unordered_map<std::string, uint32_t>* lines)
      : text_(text), max_depth_(max_depth), lines_(lines) {}

  // Scans the value at pos_ whose pointer is `pointer`; false on a text
  // that is not JSON.
  bool Value(std::string& pointer, size_t depth) {
    SkipSpace();
    if (pos_ >= text_.size()) return false;
    if (depth <= max_depth_) lines_->emplace(pointer, line_);
    const char c = text_[pos_];
    if (c == '{') return Container(pointer, depth, '}', true);
    if (c == '[') return Container(pointer, depth, ']', false);
    if (c == '"') return String(nullptr);
    while (pos_ < text_.size() && !IsDelimiter(text_[pos_])) ++pos_;  // literal, number
    return true;
  }

 private:
  static bool IsDelimiter(char c) {
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  void SkipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++line_;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      ++pos_;
    }
  }

  // A string at pos_ (its opening quote); its raw content into `out`.
  bool String(std::string* out) {
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\') {
        if (out != nullptr) *out += '\\';
        ++pos_;
        if (pos_ >= text_.size()) return false;
      }
      if (out != nullptr) *out += text_[pos_];
      ++pos_;
    }
    if (pos_ >= text_.size()) return false;
    ++pos_;
    return true;
  }

  static void AppendToken(std::string& pointer, std::string_view token) {
    pointer += '/';
    for (char c : token) {
      if (c == '~') {
        pointer += "~0";
      } else if (c == '/') {
        pointer += "~1";
      } else {
        pointer += c;
      }
    }
  }

  bool Container(std::string& pointer, size_t depth, char close, bool object) {
    ++pos_;
    const size_t base = pointer.size();
    for (size_t index = 0;; ++index) {
      SkipSpace();
      if (pos_ >= text_.size()) return false;
      if (text_[pos_] == close) {
        ++pos_;
        return true;
      }
      if (index > 0) {
        if (text_[pos_] != ',') return false;
        ++pos_;
        SkipSpace();
      }
      if (object) {
        std::string key;
        if (pos_ >= text_.size() || text_[pos_] != '"' || !String(&key)) return false;
        SkipSpace();
        if (pos_ >= text_.size() || text_[pos_] != ':') return false;
        ++pos_;
        AppendToken(pointer, key);
      } else {
        AppendToken(pointer, std::to_string(index));
      }
      const bool ok = Value(pointer, depth + 1);
      pointer.resize(base);
      if (!ok) return false;
    }
  }

  std::string_view text_;
  size_t max_depth_;
  std::unordered_map<std::string, uint32_t>* lines_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
};

}  // namespace

JsonLines::JsonLines(std::string_view text, size_t max_depth) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string pointer;
  Scanner(text, max_depth, &lines_).Value(pointer, 0);
}

uint32_t JsonLines::Line(std::string_view pointer) const {
  auto it = lines_.find(std::string(pointer));
  return it == lines_.end() ? 0 : it->second;
}

}  // namespace pathrank::json
