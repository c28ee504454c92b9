#include "util/json/json_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>

#include "util/utf8.h"

namespace pathrank::json {

namespace {

// True for the bytes a string cannot hold as they are, or that start a
// multi-byte UTF-8 sequence to be checked.
constexpr bool NeedsCare(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c >= 0x80; }

void AppendEscape(unsigned char c, std::string* out) {
  switch (c) {
    case '"':
      *out += "\\\"";
      return;
    case '\\':
      *out += "\\\\";
      return;
    case '\b':
      *out += "\\b";
      return;
    case '\f':
      *out += "\\f";
      return;
    case '\n':
      *out += "\\n";
      return;
    case '\r':
      *out += "\\r";
      return;
    case '\t':
      *out += "\\t";
      return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char escape[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out->append(escape, 6);
    }
  }
}

// The decimal exponent as nlohmann writes it: a sign, at least two digits.
void AppendExponent(int e, std::string* out) {
  *out += e < 0 ? '-' : '+';
  if (e < 0) e = -e;
  char digits[8];
  const auto end = std::to_chars(digits, digits + sizeof digits, e).ptr;
  if (end - digits < 2) *out += '0';
  out->append(digits, end);
}

}  // namespace

void AppendQuoted(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size() + 2);
  *out += '"';
  size_t plain = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!NeedsCare(c)) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const size_t n = internal::Utf8SequenceLength(s, i);
      if (n > 0) {
        i += n;
        continue;
      }
      out->append(s.data() + plain, i - plain);
      *out += "\xEF\xBF\xBD";  // U+FFFD for the byte that is not UTF-8
    } else {
      out->append(s.data() + plain, i - plain);
      AppendEscape(c, out);
    }
    plain = ++i;
  }
  out->append(s.data() + plain, s.size() - plain);
  *out += '"';
}

void AppendDouble(double value, std::string* out) {
  if (!std::isfinite(value)) {
    *out += "null";
    return;
  }
  if (value == 0) {
    *out += std::signbit(value) ? "-0.0" : "0.0";
    return;
  }
  // The shortest round-trip digits, as d.ddde±x.
  char sci[40];
  const char* end = std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific).ptr;
  const char* p = sci;
  if (*p == '-') {
    *out += '-';
    ++p;
  }
  char digits[24];
  int k = 0;
  for (; p < end && *p != 'e'; ++p) {
    if (*p != '.') digits[k++] = *p;
  }
  int exponent = 0;
  std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), end, exponent);
  // nlohmann's layout (dtoa's format_buffer): n is the position of the
  // decimal point relative to the first digit.
  const int n = k + (exponent - (k - 1));
  constexpr int kMinExp = -4, kMaxExp = 15;
  if (k <= n && n <= kMaxExp) {  // digits[000].0
    out->append(digits, k);
    out->append(static_cast<size_t>(n - k), '0');
    *out += ".0";
  } else if (0 < n && n <= kMaxExp) {  // dig.its
    out->append(digits, n);
    *out += '.';
    out->append(digits + n, k - n);
  } else if (kMinExp < n && n <= 0) {  // 0.[000]digits
    *out += "0.";
    out->append(static_cast<size_t>(-n), '0');
    out->append(digits, k);
  } else {  // d[.igits]e±XX
    *out += digits[0];
    if (k > 1) {
      *out += '.';
      out->append(digits + 1, k - 1);
    }
    *out += 'e';
    AppendExponent(n - 1, out);
  }
}

void Writer::NewLine(size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<size_t>(indent_), ' ');
}

void Writer::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (!level.empty) out_ += ',';
  level.empty = false;
  if (indent_ >= 0) NewLine(levels_.size());
}

void Writer::Open(char bracket, bool object) {
  Separate();
  out_ += bracket;
  levels_.push_back(Level{object, true});
}

void Writer::Close(char bracket) {
  assert(!levels_.empty() && !after_key_);
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty && indent_ >= 0) NewLine(levels_.size());
  out_ += bracket;
}

void Writer::BeginObject() { Open('{', true); }
void Writer::EndObject() {
  assert(!levels_.empty() && levels_.back().object);
  Close('}');
}
void Writer::BeginArray() { Open('[', false); }
void Writer::EndArray() {
  assert(!levels_.empty() && !levels_.back().object);
  Close(']');
}

void Writer::Key(std::string_view key) {
  assert(!levels_.empty() && levels_.back().object && !after_key_);
  Separate();
  AppendQuoted(key, &out_);
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
}

void Writer::String(std::string_view value) {
  Separate();
  AppendQuoted(value, &out_);
}

void Writer::Number(double value) {
  Separate();
  AppendDouble(value, &out_);
}

void Writer::Int(int64_t value) {
  Separate();
  char digits[24];
  out_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void Writer::UInt(uint64_t value) {
  Separate();
  char digits[24];
  out_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void Writer::Bool(bool value) {
  Separate();
  out_ += value ? "true" : "false";
}

void Writer::Null() {
  Separate();
  out_ += "null";
}

void Writer::Raw(std::string_view json) {
  Separate();
  out_ += json;
}

void Writer::RawMembers(std::string_view object_json) {
  assert(!levels_.empty() && levels_.back().object && !after_key_);
  const size_t open = object_json.find('{');
  const size_t close = object_json.rfind('}');
  if (open == std::string_view::npos || close == std::string_view::npos || close <= open + 1) {
    return;
  }
  const std::string_view members = object_json.substr(open + 1, close - open - 1);
  if (members.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  Separate();
  out_ += members;
}

std::string Writer::Take() {
  assert(levels_.empty());
  std::string text = std::move(out_);
  out_.clear();
  levels_.clear();
  after_key_ = false;
  return text;
}

}  // namespace pathrank::json
