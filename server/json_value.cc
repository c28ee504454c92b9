#include "json_value.h"

#include <cctype>
#include <charconv>
#include <cmath>

namespace pathrank::server {

std::string_view JsonTypeName(JsonType type) {
  switch (type) {
    case JsonType::kNull:
      return "null";
    case JsonType::kBool:
      return "boolean";
    case JsonType::kNumber:
      return "number";
    case JsonType::kString:
      return "string";
    case JsonType::kArray:
      return "array";
    case JsonType::kObject:
      return "object";
  }
  return "value";
}

namespace {

constexpr int kMaxDepth = 64;

// Appends code point `cp` as UTF-8.
void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Length of the valid UTF-8 sequence starting at s[i] (a byte >= 0x80), or 0.
size_t Utf8Sequence(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

class JsonDocument::Parser {
 public:
  Parser(JsonDocument& doc, std::string_view text) : doc_(doc), s_(text) {}

  bool Run(std::string* error) {
    doc_.nodes_.clear();
    doc_.children_.clear();
    doc_.decoded_.clear();
    doc_.nodes_.reserve(64);
    SkipSpace();
    if (!Value(0)) return Fail(error);
    SkipSpace();
    if (pos_ != s_.size()) {
      error_ = "unexpected text after the JSON value";
      return Fail(error);
    }
    return true;
  }

 private:
  bool Fail(std::string* error) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < pos_ && i < s_.size(); ++i) {
      if (s_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    *error = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + error_;
    return false;
  }

  bool Error(const char* message) {
    error_ = message;
    return false;
  }

  void SkipSpace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) {
      ++pos_;
    }
  }

  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return Error("invalid literal");
    pos_ += word.size();
    return true;
  }

  uint32_t NewNode(JsonType type) {
    doc_.nodes_.push_back(JsonNode{});
    doc_.nodes_.back().type = type;
    return static_cast<uint32_t>(doc_.nodes_.size() - 1);
  }

  // Parses one value at pos_ (no leading space) into a new node.
  bool Value(int depth) {
    const size_t start = pos_;
    const size_t node = doc_.nodes_.size();
    if (!ValueAt(depth)) return false;
    doc_.nodes_[node].raw = s_.substr(start, pos_ - start);
    return true;
  }

  bool ValueAt(int depth) {
    if (pos_ >= s_.size()) return Error("unexpected end of input; expected a value");
    const char c = s_[pos_];
    switch (c) {
      case '{':
        return Container(depth, /*object=*/true);
      case '[':
        return Container(depth, /*object=*/false);
      case '"': {
        std::string_view text;
        if (!String(&text)) return false;
        doc_.nodes_[NewNode(JsonType::kString)].text = text;
        return true;
      }
      case 't':
        if (!Literal("true")) return false;
        doc_.nodes_[NewNode(JsonType::kBool)].boolean = true;
        return true;
      case 'f':
        if (!Literal("false")) return false;
        NewNode(JsonType::kBool);
        return true;
      case 'n':
        if (!Literal("null")) return false;
        NewNode(JsonType::kNull);
        return true;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return Number();
        return Error("unexpected character; expected a value");
    }
  }

  bool Number() {
    const size_t start = pos_;
    bool integral = true;
    if (s_[pos_] == '-') ++pos_;
    if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
      return Error("invalid number");
    }
    if (s_[pos_] == '0') {
      ++pos_;
    } else {
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      integral = false;
      ++pos_;
      if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
        return Error("invalid number: digits expected after '.'");
      }
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      integral = false;
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
        return Error("invalid number: digits expected in the exponent");
      }
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(s_.data() + start, s_.data() + pos_, value);
    if (ec != std::errc() || end != s_.data() + pos_ || !std::isfinite(value)) {
      pos_ = start;
      return Error("number out of range");
    }
    const uint32_t node = NewNode(JsonType::kNumber);
    doc_.nodes_[node].number = value;
    doc_.nodes_[node].integral = integral;
    return true;
  }

  bool Hex4(uint32_t* out) {
    if (pos_ + 4 > s_.size()) return Error("invalid \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return Error("invalid \\u escape");
      }
    }
    *out = v;
    return true;
  }

  // Parses a string at pos_ (on the opening quote).
  bool String(std::string_view* out) {
    ++pos_;
    const size_t start = pos_;
    // Fast path: no escapes — a view into the input.
    while (pos_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        *out = s_.substr(start, pos_ - start);
        ++pos_;
        return true;
      }
      if (c == '\\') break;
      if (c < 0x20) return Error("control character in a string");
      if (c >= 0x80) {
        const size_t n = Utf8Sequence(s_, pos_);
        if (n == 0) return Error("invalid UTF-8 in a string");
        pos_ += n;
      } else {
        ++pos_;
      }
    }
    if (pos_ >= s_.size()) return Error("unterminated string");
    std::string& decoded = doc_.decoded_.emplace_back(s_.substr(start, pos_ - start));
    while (pos_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        *out = decoded;
        ++pos_;
        return true;
      }
      if (c < 0x20) return Error("control character in a string");
      if (c >= 0x80) {
        const size_t n = Utf8Sequence(s_, pos_);
        if (n == 0) return Error("invalid UTF-8 in a string");
        decoded.append(s_.substr(pos_, n));
        pos_ += n;
        continue;
      }
      if (c != '\\') {
        decoded += static_cast<char>(c);
        ++pos_;
        continue;
      }
      if (++pos_ >= s_.size()) return Error("unterminated string");
      const char e = s_[pos_++];
      switch (e) {
        case '"':
          decoded += '"';
          break;
        case '\\':
          decoded += '\\';
          break;
        case '/':
          decoded += '/';
          break;
        case 'b':
          decoded += '\b';
          break;
        case 'f':
          decoded += '\f';
          break;
        case 'n':
          decoded += '\n';
          break;
        case 'r':
          decoded += '\r';
          break;
        case 't':
          decoded += '\t';
          break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return Error("lone low surrogate in \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (s_.substr(pos_, 2) != "\\u") return Error("lone high surrogate in \\u escape");
            pos_ += 2;
            if (!Hex4(&low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return Error("invalid surrogate pair");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(decoded, cp);
          break;
        }
        default:
          return Error("invalid escape in a string");
      }
    }
    return Error("unterminated string");
  }

  // Parses an object or array at pos_ (on '{' or '['). Children are
  // collected on `pending_` and copied contiguously when the container ends.
  bool Container(int depth, bool object) {
    if (depth >= kMaxDepth) return Error("nesting deeper than 64 levels");
    const uint32_t node = NewNode(object ? JsonType::kObject : JsonType::kArray);
    const char close = object ? '}' : ']';
    const size_t mark = pending_.size();
    ++pos_;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == close) {
      ++pos_;
    } else {
      while (true) {
        JsonChild child{};
        if (object) {
          if (pos_ >= s_.size() || s_[pos_] != '"') return Error("expected a string key");
          if (!String(&child.key)) return false;
          SkipSpace();
          if (pos_ >= s_.size() || s_[pos_] != ':') return Error("expected ':' after a key");
          ++pos_;
          SkipSpace();
        }
        child.node = static_cast<uint32_t>(doc_.nodes_.size());
        if (!Value(depth + 1)) return false;
        pending_.push_back(child);
        SkipSpace();
        if (pos_ < s_.size() && s_[pos_] == ',') {
          ++pos_;
          SkipSpace();
          continue;
        }
        if (pos_ < s_.size() && s_[pos_] == close) {
          ++pos_;
          break;
        }
        return Error(object ? "expected ',' or '}'" : "expected ',' or ']'");
      }
    }
    JsonNode& n = doc_.nodes_[node];
    n.first_child = static_cast<uint32_t>(doc_.children_.size());
    n.size = static_cast<uint32_t>(pending_.size() - mark);
    doc_.children_.insert(doc_.children_.end(), pending_.begin() + static_cast<long>(mark),
                          pending_.end());
    pending_.resize(mark);
    return true;
  }

  JsonDocument& doc_;
  std::string_view s_;
  size_t pos_ = 0;
  std::string error_;
  std::vector<JsonChild> pending_;
};

bool JsonDocument::Parse(std::string_view text, std::string* error) {
  Parser parser(*this, text);
  return parser.Run(error);
}

}  // namespace pathrank::server
